using System.Net;
using System.Net.Http.Json;
using Wushe.Platform.Outcomes;

namespace Wushe.Tests.Platform;

/// <summary>Characters nobody types (NUL, direction overrides) are a 400 naming where they are — in a query, a form, a body — never a 500 (PostgreSQL refuses NUL); zero-width ones do not count as text.</summary>
public sealed class InvisibleInputTests(TestApp app)
{
    [Fact]
    public void Text_refuses_controls_and_direction_overrides_and_does_not_count_zero_width_characters()
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("作废原因不能为空", new Errors().Text("reason", "\u200b\u200b", "作废原因", "The reason", 2, 200).ToFailure().Errors!["reason"][0]);
        Assert.Contains("控制字符", new Errors().Text("reason", "记错\u0000", "作废原因", "The reason", 2, 200).ToFailure().Errors!["reason"][0], StringComparison.Ordinal);
        Assert.Contains("控制字符", new Errors().Text("reason", "\u202egpj.exe", "作废原因", "The reason", 2, 200).ToFailure().Errors!["reason"][0], StringComparison.Ordinal);
        Assert.False(new Errors().Text("reason", "记错\u200b", "作废原因", "The reason", 2, 200).Any);
        Assert.False(new Errors().Text("note", "第一行\r\n\t第二行", "说明", "Note", 0, 200).Any);
    }

    [Theory]
    [InlineData("王秀英", true)]
    [InlineData("阿依古丽·买买提", true)]
    [InlineData("Mary-Jane Smith", true)]
    [InlineData("学员1", true)]
    [InlineData("=HYPERLINK(\"http://x\")", false)]
    [InlineData("+86张三", false)]
    [InlineData("@李四", false)]
    [InlineData("<b>王</b>", false)]
    public void A_persons_name_begins_with_a_letter_and_holds_no_formula_or_markup(string name, bool valid) =>
        Assert.Equal(valid, !new Errors().PersonName("name", name, 1, 50).Any);

    [Fact]
    public async Task A_NUL_in_a_query_a_page_form_or_a_need_number_is_a_400_naming_it()
    {
        using var chinese = new ChineseCulture();
        using var api = await app.CreateClientAsync("shixi");
        var listed = await (await api.GetAsync("/api/v1/needs?keyword=%00")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("控制字符", listed.GetProperty("errors").GetProperty("keyword")[0].GetString(), StringComparison.Ordinal);
        await (await api.GetAsync("/api/v1/households?keyword=a%00b")).Expect(HttpStatusCode.BadRequest);

        using var anonymous = app.Anonymous();
        var tracked = await (await anonymous.PostAsJsonAsync("/api/v1/public/needs/track", new { needNo = "XQ5205\u000002001202600001", phone = "13800001111" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(tracked.GetProperty("errors").TryGetProperty("needNo", out _));

        using var session = await PageSession.SignInAsync(app, "shixi");
        var (status, html) = await session.GetAsync("/Needs?keyword=%00");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("控制字符", html, StringComparison.Ordinal);
        // A form as the browser posts it (with its submission token), a NUL in a note: the form cannot be read — a 400 page.
        var need = await app.Query(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<Wushe.Features.Needs.Need>().Where(n => n.AreaCode.StartsWith("520502001")).Select(n => n.Id)));
        using var posted = await session.PostFormAsync($"/Needs/Details?id={need}&handler=Step", new()
        {
            ["Step.Note"] = "a\u0000", [Wushe.Platform.Web.FormSubmissions.Field] = Guid.NewGuid().ToString("N"),
        }, $"/Needs/Details?id={need}");
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }
}
