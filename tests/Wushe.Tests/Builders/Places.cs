using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;

namespace Wushe.Tests.Builders;

/// <summary>
/// Places for tests. A test that creates records gets a township of its own: <see cref="NewTownshipAsync"/>
/// hands out townships of a made-up county 340699 (测试县, under 淮北市, so the demo's <c>huaibei</c> bureau
/// manages them), each once per run, never a random code that an earlier run or another test may hold.
/// A test that reads gets a real one: <see cref="RealTownshipAsync"/>.
/// </summary>
public static class Places
{
    public const string County = "340699000000";
    static int next;

    public static async Task<string> NewTownshipAsync(TestApp app, string? name = null)
    {
        var n = Interlocked.Increment(ref next);
        if (n > 999) throw new InvalidOperationException("Out of test townships.");
        var code = "340699" + n.ToString("000") + "000";
        await app.Query(async db =>
        {
            if (!await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.Code == County))
            {
                db.Areas.Add(new Area(County, "测试县", AreaKind.Other, isGenerated: true, new DateOnly(2026, 1, 1)));
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException)
                {
                    // Another test made the county at the same moment.
                    db.ChangeTracker.Clear();
                }
            }
            db.Areas.Add(new Area(code, name ?? $"测试{n}镇", AreaKind.Town, isGenerated: true, new DateOnly(2026, 1, 1)));
            await db.SaveChangesAsync();
            return 0;
        });
        return code;
    }
}
