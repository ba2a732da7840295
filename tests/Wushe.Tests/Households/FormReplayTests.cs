using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Web;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>
/// Review 7b items 10 and 35: a page form posted twice (a double submit on a slow phone, back and resubmit) records once
/// (the one-time submission token of every POST form, FormSubmissions); the visit form's 探访社工 is required; a second
/// visit of a household on one day asks for a confirmation.
/// </summary>
public sealed partial class FormReplayTests(TestApp app)
{
    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("<input type=\"hidden\" name=\"__SubmissionToken\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex Submission();

    [GeneratedRegex("<form[^>]*method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    /// <summary>The page's form as the browser holds it: its antiforgery and submission tokens plus <paramref name="fields"/>.</summary>
    internal static async Task<FormUrlEncodedContent> FormOf(PageSession session, string page, Dictionary<string, string> fields)
    {
        var (status, html) = await session.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        var all = new List<KeyValuePair<string, string>>(fields)
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value)),
            new(FormSubmissions.Field, Submission().Matches(html).Last().Groups[1].Value),
        };
        return new FormUrlEncodedContent(all);
    }

    async Task<(TestUsers.Made Worker, TestHouseholds.Made Household)> PlaceAsync()
    {
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        return (worker, await TestHouseholds.CreateAsync(app, community, workerId: worker.Id));
    }

    Task<int> VisitsOf(Guid household) => app.Query(db => db.Set<Visit>().IgnoreQueryFilters().CountAsync(v => v.HouseholdId == household));

    [Fact]
    public async Task Every_post_form_of_the_console_carries_a_fresh_submission_token()
    {
        var (worker, household) = await PlaceAsync();
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        foreach (var page in new[] { $"/Households/Visit?household={household.Id}", "/Households/Register", $"/Households/Details?id={household.Id}",
                     $"/Households/Resident?household={household.Id}", $"/Households/Card?household={household.Id}" })
        {
            var (status, html) = await session.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(PostForm().Count(html), Submission().Count(html));
            var (_, again) = await session.GetAsync(page);
            Assert.Empty(Submission().Matches(html).Select(m => m.Value).Intersect(Submission().Matches(again).Select(m => m.Value)));
        }
    }

    [Fact]
    public async Task The_visit_form_posted_twice_records_one_visit_and_the_replay_goes_to_the_first_result()
    {
        var (worker, household) = await PlaceAsync();
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var page = $"/Households/Visit?household={household.Id}";
        var form = await FormOf(session, page, new()
        {
            ["Input.VisitedOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Method"] = "InPerson", ["Input.SocialWorkers"] = worker.Id.ToString(),
            ["Input.Health"] = "重放测试",
        });
        var body = await form.ReadAsByteArrayAsync();
        HttpContent Copy() => new ByteArrayContent(body) { Headers = { ContentType = form.Headers.ContentType } };

        using var first = await session.Client.PostAsync(page, Copy());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await session.Client.PostAsync(page, Copy());
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await VisitsOf(household.Id));
        // The user is told why nothing new appeared.
        var (_, landing) = await session.GetAsync(second.Headers.Location!.ToString());
        Assert.Contains("此表单已提交，请勿重复提交", landing, StringComparison.Ordinal);

        // Three at the same moment (a phone retrying): still one.
        var (worker2, household2) = await PlaceAsync();
        using var session2 = new PageSession(await app.CookieClientAsync(worker2.UserName));
        var page2 = $"/Households/Visit?household={household2.Id}";
        var form2 = await FormOf(session2, page2, new()
        {
            ["Input.VisitedOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Method"] = "Phone", ["Input.SocialWorkers"] = worker2.Id.ToString(),
        });
        var body2 = await form2.ReadAsByteArrayAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            session2.Client.PostAsync(page2, new ByteArrayContent(body2) { Headers = { ContentType = form2.Headers.ContentType } })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Equal(1, await VisitsOf(household2.Id));
    }

    [Fact]
    public async Task The_register_form_posted_twice_registers_one_household_and_a_refused_form_can_be_corrected()
    {
        var (worker, household) = await PlaceAsync();
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var address = "重放路" + Guid.NewGuid().ToString("N")[..6] + "号";
        var fields = new Dictionary<string, string>
        {
            ["AreaCode"] = household.AreaCode, ["Address"] = address, ["Resident.Name"] = "重放户主", ["Resident.Sex"] = "Male",
            ["Resident.BirthDate"] = "1960-03-04", ["Resident.ConsentOn"] = Today.ToString("yyyy-MM-dd"), ["Resident.Phone"] = "abc",
        };
        var form = await FormOf(session, "/Households/Register", fields);
        var bad = await form.ReadAsStringAsync();
        // Refused (a bad phone): kept nothing, so the same token with the corrected value goes through.
        using var refused = await session.Client.PostAsync("/Households/Register", new StringContent(bad, null, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var good = bad.Replace("Resident.Phone=abc", "Resident.Phone=", StringComparison.Ordinal);
        using var first = await session.Client.PostAsync("/Households/Register", new StringContent(good, null, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await session.Client.PostAsync("/Households/Register", new StringContent(good, null, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.Query(db => db.Set<Household>().IgnoreQueryFilters().CountAsync(h => h.Address == address)));
    }

    [Fact]
    public async Task A_visit_with_no_social_worker_is_refused_on_the_form_and_through_the_api()
    {
        var (worker, household) = await PlaceAsync();
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var page = $"/Households/Visit?household={household.Id}";
        using var response = await session.PostFormAsync(page, new() { ["Input.VisitedOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Method"] = "InPerson" }, page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请至少选择一名探访社工", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var api = await app.CreateClientAsync(worker.UserName);
        using var refused = await api.PostAsJsonAsync($"/api/v1/households/{household.Id}/visits", new { visitedOn = Today, method = "Phone", socialWorkers = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请至少选择一名探访社工", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await VisitsOf(household.Id));
    }

    [Fact]
    public async Task A_second_visit_on_the_same_day_is_recorded_only_after_the_user_confirms_it()
    {
        var (worker, household) = await PlaceAsync();
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var page = $"/Households/Visit?household={household.Id}";
        var fields = new Dictionary<string, string> { ["Input.VisitedOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Method"] = "Phone", ["Input.SocialWorkers"] = worker.Id.ToString() };
        using (var first = await session.PostFormAsync(page, fields, page)) Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var (_, form) = await session.GetAsync(page);
        Assert.Contains("该户今日已有探访记录", form, StringComparison.Ordinal);

        using (var warned = await session.PostFormAsync(page, fields, page))
        {
            Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
            Assert.Contains("该户今日已有探访记录", await warned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(1, await VisitsOf(household.Id));
        fields["ConfirmSameDay"] = "true";
        // Confirmed, an exact copy of the first is still refused (review7c 6: the same household, day, method, workers, findings) …
        using (var copy = await session.PostFormAsync(page, fields, page))
        {
            Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
            Assert.Contains("该户当天已有相同的探访记录", await copy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(1, await VisitsOf(household.Id));
        // … and a second visit that differs is recorded.
        fields["Input.Health"] = "下午再次电话，身体好转";
        using (var confirmed = await session.PostFormAsync(page, fields, page)) Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await VisitsOf(household.Id));
    }
}
