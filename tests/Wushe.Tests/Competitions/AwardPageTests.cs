using System.Net;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Competitions;
using Wushe.Platform.Access;
using Wushe.Platform.Web;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Competitions;

/// <summary>
/// The award pages' actions posted as a browser posts them — with the form's one-submission token, so inside the transaction
/// <see cref="FormSubmissions"/> holds for the handler: confirming the awards, signing, releasing a tranche, stopping the funding and
/// clawing money back each join that transaction. They opened their own before, and every one of them was a 500 on the page while
/// the API (no token, no outer transaction) worked.
/// </summary>
public sealed class AwardPageTests(TestApp app)
{
    [Fact]
    public async Task Awards_are_confirmed_released_stopped_and_clawed_back_on_the_pages()
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var organization = await TestOrganizations.CreateAsync(app, township);
        var application = await TestCompetitions.CreateApplicationAsync(app, call, organization, requestedFen: 30_000_00);
        await TestAwards.NoticeAsync(app, call, [(application, 30_000_00)]);
        var host = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: Places.County);
        using var session = await PageSession.SignInAsync(app, host);

        async Task Post(string url, Dictionary<string, string> fields, string back)
        {
            fields[FormSubmissions.Field] = Guid.NewGuid().ToString("N");
            using var response = await session.PostFormAsync(url, fields, back);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.StartsWith(back.Split('?')[0], response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var notice = $"/Competitions/Notice?callId={call}";
        await Post($"{notice}&handler=Confirm", [], notice.Replace("/Notice", "/Awards", StringComparison.Ordinal));
        var award = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.CompetitionId == call).Select(a => a.Id).SingleAsync());
        var page = $"/Competitions/Award?id={award}";
        await Post($"{page}&handler=Sign", new() { ["Sign.SignedOn"] = Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, page);
        // A release posted without its tranche is a field error on the page (one that is not a number, a forged address, the pages' 400); nothing moves.
        using (var forged = await session.PostFormAsync($"{page}&handler=Release&tranche=abc", new() { [FormSubmissions.Field] = Guid.NewGuid().ToString("N") }, page))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        foreach (var bad in new[] { "", "&tranche=" })
        {
            var fields = new Dictionary<string, string> { [FormSubmissions.Field] = Guid.NewGuid().ToString("N") };
            using var refused = await session.PostFormAsync($"{page}&handler=Release{bad}", fields, page);
            Assert.True(refused.StatusCode == HttpStatusCode.OK, $"{bad}: {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync()}");
            Assert.Contains("请选择拨付批次", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0L, await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.Id == award).Select(a => a.ReleasedFen).SingleAsync()));
        await Post($"{page}&handler=Release&tranche=1", [], page);
        await Post($"{page}&handler=Stop", new() { ["Stop.Reason"] = "机构未按协议开展服务，停止拨付" }, page);
        await Post($"{page}&handler=Claw", new() { ["Claw.AmountYuan"] = "5000", ["Claw.Note"] = "追回未使用的资金" }, page);

        var after = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().SingleAsync(a => a.Id == award));
        Assert.Equal((AwardStatus.Stopped, 12_000_00L, 5_000_00L), (after.Status, after.ReleasedFen, after.ClawedBackFen));
        Assert.Equal(CompetitionStatus.Decided, await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == call).Select(c => c.Status).SingleAsync()));
    }
}
