using System.Net;
using System.Net.Http.Json;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>
/// review7c 27: community staff read the overdue figures of their community under its own name — not a township row holding
/// only their community's households (read as the township's) with links they may not open.
/// </summary>
public sealed class OverdueOwnAreaTests(TestApp app)
{

    [Fact]
    public async Task Community_staff_see_their_community_as_the_row_and_the_township_sees_both_communities()
    {
        var township = await Places.NewTownshipAsync(app);
        var mine = await TestHouseholds.NewCommunityAsync(app, township);
        var other = await TestHouseholds.NewCommunityAsync(app, township, number: 2);
        await TestHouseholds.CreateAsync(app, mine, "本社区路1号");
        await TestHouseholds.CreateAsync(app, other, "邻社区路1号");
        await TestHouseholds.CreateAsync(app, other, "邻社区路2号");
        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, mine);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);

        using var community = await app.CreateClientAsync(staff.UserName);
        var own = (await community.GetFromJsonAsync<OverdueByTownship.Response>("/api/v1/households/overdue-by-township", Answers.JsonOptions))!;
        Assert.Equal(AreaLevel.Village, own.Level);
        var row = Assert.Single(own.Rows.Items);
        Assert.Equal((mine, 1), (row.AreaCode, row.Active));
        var (status, html) = await new PageSession(await app.CookieClientAsync(staff.UserName)).GetAsync("/Households/Overdue");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"/Households?area={mine}", html, StringComparison.Ordinal);
        Assert.Contains("社区（村）", html, StringComparison.Ordinal);

        using var station = await app.CreateClientAsync(worker.UserName);
        var whole = (await station.GetFromJsonAsync<OverdueByTownship.Response>("/api/v1/households/overdue-by-township", Answers.JsonOptions))!;
        Assert.Equal((AreaLevel.Township, township, 3), (whole.Level, Assert.Single(whole.Rows.Items).AreaCode, whole.Active));
    }
}
