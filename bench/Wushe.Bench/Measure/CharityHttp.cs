using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wushe.Bench.Generate;
using Wushe.Features.Areas;
using Wushe.Features.Charity;
using Wushe.Platform.Access;

namespace Wushe.Bench.Measure;

/// <summary>
/// The HTTP side of issue 10's benchmark (<c>bench/charity.sh</c>):
/// <list type="bullet">
/// <item><c>charity-prepare (--db|--postgres) --out DIR [--funds N]</c>: on a database made by <c>generate</c> with the charity kind, chooses
/// <c>--funds</c> (200) active funds spread over the city (every k-th by fund number) and, for each, the first station worker of its
/// township (<c>sw.NNNNNNNNN.1</c>, role StationWorker: records donations for the township's communities); writes DIR/funds.txt ("bearer-token
/// fund-id" a line), DIR/hot.txt (the active fund with most donations and its worker: the worst case, every connection on one fund's row
/// lock) and DIR/pages.txt (that fund's id and a fund of median size, for the public page). The tokens are made as the app makes them at sign-in
/// (<see cref="VolunteerHttp.BearerProtector"/>: the app's protector under its key ring in the database). Run it before starting the app.</item>
/// <item><c>charity-count (--db|--postgres) --tag TAG [--check]</c>: the donations whose donor is TAG (one wrk run's), their Donation ledger
/// entries and amount; with <c>--check</c>, the ledger check over the whole city (it must be clean).</item>
/// </list>
/// </summary>
static class CharityHttp
{
    public static async Task<int> PrepareAsync(Options options)
    {
        var target = BenchDb.From(options);
        var dir = options.Get("out") ?? throw new UsageException("Give --out DIR.");
        var count = options.Get("funds", 200);
        Directory.CreateDirectory(dir);
        var now = DateTimeOffset.UtcNow;
        await using var db = target.OpenAsSystem();
        await db.Database.MigrateAsync();
        var (low, high) = Wushe.Platform.Areas.AreaCode.Range(Scale.BijieCity);
        var active = await db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.Status == FundStatus.Active && string.Compare(f.AreaCode, low) >= 0 && string.Compare(f.AreaCode, high) <= 0)
            .OrderBy(f => f.FundNo).Select(f => new { f.Id, f.AreaCode, f.Receipts }).ToListAsync();
        if (active.Count == 0) throw new UsageException("No active funds: generate the charity kind first.");
        var workers = (await db.Users.Where(u => u.UserName!.StartsWith("sw.") && u.UserName.EndsWith(".1"))
                .Select(u => new { u.Id, u.UserName, u.SecurityStamp, u.DisplayName }).ToListAsync())
            .ToDictionary(u => u.UserName![3..12]);
        var step = Math.Max(1, active.Count / count);
        var chosen = active.Where((_, i) => i % step == 0).Where(f => workers.ContainsKey(f.AreaCode[..9])).Take(count).ToList();
        var hot = active.Where(f => workers.ContainsKey(f.AreaCode[..9])).MaxBy(f => f.Receipts)!;
        var bySize = active.OrderBy(f => f.Receipts).ToList();

        var protector = VolunteerHttp.BearerProtector(target);
        var ids = workers.Values.Select(w => w.Id).ToList();
        var roles = (await db.RoleAssignments.IgnoreQueryFilters().Select(a => new { a.UserId, a.Role, a.AreaCode, a.OrganizationId }).ToListAsync())
            .Where(a => ids.Contains(a.UserId)).ToLookup(a => a.UserId);
        var areaNames = await db.Areas.IgnoreQueryFilters().Where(a => a.Level == Wushe.Platform.Areas.AreaLevel.Township).ToDictionaryAsync(a => a.Code, a => a.Name);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        string TokenFor(string township)
        {
            if (tokens.TryGetValue(township, out var t)) return t;
            var u = workers[township];
            return tokens[township] = VolunteerHttp.BearerToken(protector, u.Id, u.UserName!, u.SecurityStamp!, u.DisplayName,
                roles[u.Id].Select(a => new Assignment(a.Role, a.AreaCode, areaNames.GetValueOrDefault(a.AreaCode, ""), a.OrganizationId)), now.AddHours(1));
        }
        await File.WriteAllLinesAsync(Path.Combine(dir, "funds.txt"), chosen.Select(f => $"{TokenFor(f.AreaCode[..9])} {f.Id}"));
        await File.WriteAllTextAsync(Path.Combine(dir, "hot.txt"), $"{TokenFor(hot.AreaCode[..9])} {hot.Id}\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "pages.txt"), $"{hot.Id} {bySize[bySize.Count / 2].Id}\n");
        Console.WriteLine($"Prepared on {target.Describe}: {chosen.Count} funds in {chosen.Select(f => f.AreaCode[..9]).Distinct().Count()} townships ({tokens.Count} workers' tokens), "
            + $"the hot fund {hot.Id} ({hot.Receipts:N0} receipts so far); tokens valid until {now.AddHours(1):u}; files in {dir}.");
        return 0;
    }

    public static async Task<int> CountAsync(Options options)
    {
        var target = BenchDb.From(options);
        var tag = options.Get("tag") ?? throw new UsageException("Give --tag TAG.");
        await using var db = target.OpenAsSystem();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var donations = db.Set<Donation>().IgnoreQueryFilters().Where(d => d.DonorName == tag);
        var n = await donations.CountAsync();
        var fen = await donations.SumAsync(d => (long?)d.AmountFen) ?? 0;
        var posted = await db.Set<FundEntry>().IgnoreQueryFilters().CountAsync(e => e.Kind == FundEntryKind.Donation && donations.Any(d => d.Id == e.DonationId));
        var receipts = await donations.Select(d => d.ReceiptNo).Distinct().CountAsync();
        var line = $"{n} {posted} {receipts} {fen}";
        if (options.Get("check") is not null)
        {
            var watch = Stopwatch.StartNew();
            var city = new CurrentUser(Guid.Empty, StaffUsers.BenchUser, [new Assignment(Role.BureauStaff, Scale.BijieCity, "毕节市", null)], null);
            await using var checkDb = target.Open(city);
            checkDb.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var report = await CheckFundLedgers.Handle(checkDb, TimeProvider.System, new CheckFundLedgers.Query());
            line += $" {report.Discrepancies.Count} {watch.Elapsed.TotalSeconds:0.00}";
            foreach (var d in report.Discrepancies.Take(10)) Console.Error.WriteLine($"  {d.FundNo} {d.Problem}");
        }
        // donations, their Donation entries, distinct receipt numbers, fen[, discrepancies, check seconds]
        Console.WriteLine(line);
        return 0;
    }
}
