using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Needs;
using Wushe.Platform.Sensitive;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Needs;

/// <summary>
/// The residents' per-phone limit (<see cref="ResidentLimits.ReportsPerPhonePerDay"/>) holds when reports arrive at one moment:
/// the count and the insert are one step (the phone's <see cref="ReportingPhone"/> row claimed in the need's transaction).
/// The per-address limit is lifted in the test app, as if each request came from its own address.
/// </summary>
public sealed class ResidentReportConcurrencyTests(TestApp app)
{
    [Fact]
    public async Task Reports_from_one_phone_sent_at_once_save_at_most_the_day_s_allowance_and_refuse_the_rest()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var phone = Numbers.Mobile();
        var clients = Enumerable.Range(0, 8).Select(_ => app.Anonymous()).ToList();
        try
        {
            var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync("/api/v1/public/needs",
                new { areaCode = community, category = "Other", urgency = "Normal", title = $"同时提交的诉求{i}", description = "具体情况", name = "张三", phone, consent = true })));
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.TooManyRequests, $"unexpected {s}"));
            Assert.Equal(ResidentLimits.ReportsPerPhonePerDay, statuses.Count(s => s == HttpStatusCode.Created));
            foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests))
            {
                Assert.StartsWith("同一手机号 24 小时内最多提交 3 条需求", (await r.Expect(HttpStatusCode.TooManyRequests)).GetProperty("title").GetString());
                Assert.NotNull(r.Headers.RetryAfter);
            }
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }

        var hash = app.Services.GetRequiredService<Sealer>().Hash(SensitiveKind.Phone, phone);
        Assert.Equal(ResidentLimits.ReportsPerPhonePerDay, await app.Query(db => db.Set<Need>().IgnoreQueryFilters().CountAsync(n => n.AreaCode == community)));
        Assert.Equal(ResidentLimits.ReportsPerPhonePerDay, await app.Query(db => db.Set<Need>().IgnoreQueryFilters().CountAsync(n => n.RequesterPhone!.Hash == hash)));
        // The phone's row is keyed by the keyed hash: the number itself is stored nowhere in it.
        var rows = await app.Query(db => db.Set<ReportingPhone>().AsNoTracking().Where(p => p.PhoneHash == hash).ToListAsync());
        Assert.Single(rows);
        Assert.DoesNotContain(phone, rows[0].PhoneHash, StringComparison.Ordinal);
    }
}
