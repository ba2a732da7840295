using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 公示管理 (the host's /Competitions/Notice?callId=): the ranking with the shortlist pre-filled (<see cref="GetNotice"/>) to post
/// (<see cref="PostNotice"/>), the objections with their answers (<see cref="AnswerObjection"/>), and the confirmation of the awards
/// (<see cref="ConfirmAwards"/>, asked first; a call paid by a community fund with its committee's decision number and date); an objector's
/// phone shown in full with a reason (<see cref="RevealObjectionContact"/>, the form of <c>_Reveal</c>: its field is "phone-" + the objection's id).
/// </summary>
[Authorize(CompetitionsPermissions.HostPolicy)]
public sealed class HostNoticeModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, IOptions<Charity.CharityOptions> options) : PageModel, IRevealHost
{
    [BindProperty(SupportsGet = true)] public Guid CallId { get; set; }
    // Named explicitly: a form without them (an answer, the confirmation) must not bind them from the whole form, where the answer's
    // field names became the dictionary's keys ("Unrecognized Guid format.") and refused every answer.
    /// <summary>The applications ticked for the shortlist.</summary>
    [BindProperty(Name = "Picks"), Label("入围名单", "Shortlist")] public List<Guid> Picks { get; set; } = [];
    /// <summary>The proposed amount per application (yuan).</summary>
    [BindProperty(Name = "Amounts"), Label("拟资助金额（元）", "Proposed amount (yuan)")] public Dictionary<Guid, decimal?> Amounts { get; set; } = [];
    [BindProperty] public AnswerObjection.Request Answer { get; set; } = new();
    /// <summary>The fund committee's decision on the awards (a call paid by a community fund).</summary>
    [BindProperty] public ConfirmAwards.Request Decision { get; set; } = new();
    /// <summary>The reveal form: Field is "phone-" + the objection's id.</summary>
    [BindProperty(Name = "Reveal")] public RevealForm Reveal { get; set; } = new(null, null);

    public sealed record RevealForm([property: Label("字段", "Field")] string? Field, [property: Label("查看原因", "Reason")] string? Reason);

    /// <summary>The reveal form posts the call's id as <c>id</c> (<see cref="IRevealHost"/>).</summary>
    public Guid Id => CallId;
    public bool CanReveal => me.Has(CompetitionsPermissions.Host);
    /// <summary>"reveal-" + the field whose reveal was refused (its form left open), else null.</summary>
    public string? RevealOpen { get; private set; }
    (string Field, string Value)? revealed;
    string? IRevealHost.Open => RevealOpen;
    public string? Shown(string field) => revealed is { } r && r.Field == field ? r.Value : null;
    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
    public static string PhoneField(Guid objectionId) => "phone-" + objectionId.ToString("N");

    public GetNotice.Response Notice { get; private set; } = null!;
    public Guid? Open { get; private set; }
    /// <summary>A shortlist refused: the form shows what was sent (the ticks and the amounts as typed), not the proposal again.</summary>
    public bool Refused { get; private set; }

    /// <summary>Whether the row is ticked: as sent after a refusal, else as proposed.</summary>
    public bool Picked(GetNotice.Ranked r) => Refused ? Picks.Contains(r.Row.Id) : r.Proposed;

    /// <summary>The amount box: as typed after a refusal, else the proposal in yuan.</summary>
    public string AmountText(GetNotice.Ranked r) => Refused
        ? ModelState[$"Amounts[{r.Row.Id}]"]?.AttemptedValue ?? Amounts.GetValueOrDefault(r.Row.Id)?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? ""
        : (r.ProposedFen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync()
    {
        var result = await GetNotice.Handle(db, clock, CallId);
        if (!result.IsOk) return false;
        Notice = result.Value!;
        return true;
    }

    string Back => $"/Competitions/Notice?callId={CallId}";

    public Task<IActionResult> OnPostPostAsync()
    {
        var ids = Picks.Distinct().ToList();
        var request = new PostNotice.Request { Shortlist = [.. ids.Select(id => new PostNotice.Pick { ApplicationId = id, AmountYuan = Amounts.GetValueOrDefault(id) })] };
        return this.ActAsync(true, "", () => new Errors(), () => PostNotice.Handle(db, me, clock, CallId, request), Lang.T("入围名单已公示", "The shortlist is posted"), Back, LoadAsync, () => Refused = true);
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid objectionId)
    {
        var answer = Answer;
        return this.ActAsync(true, "Answer.", () => AnswerObjection.Validate(answer), () => AnswerObjection.Handle(db, me, clock, CallId, objectionId, answer),
            Lang.T("异议已答复", "The objection is answered"), Back, LoadAsync, () => Open = objectionId);
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id)
    {
        CallId = id;
        var form = Reveal;
        var objectionId = form.Field is { } f && f.StartsWith("phone-", StringComparison.Ordinal) && Guid.TryParseExact(f[6..], "N", out var g) ? g : Guid.Empty;
        var result = await ModelState.IfParsed("Reveal.", () => new Errors(),
            () => RevealObjectionContact.Handle(db, me, sealer, clock, CallId, objectionId, new RevealObjectionContact.Request(form.Reason)));
        if (result.IsOk) revealed = (form.Field!, result.Value!.Phone);
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else if (result.Failure.Kind == FailureKind.Forbidden) return Forbid();
        else
        {
            ModelState.AddRevealFailure(result.Failure, form.Field, form.Field ?? "");
            RevealOpen = "reveal-" + form.Field;
        }
        return await LoadAsync() ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostConfirmAsync()
    {
        var decision = Decision;
        return this.ActAsync(true, "Decision.", () => new Errors(), () => ConfirmAwards.Handle(db, me, clock, options, CallId, decision), Lang.T("资助已确定", "The awards are confirmed"),
            "/Competitions/Awards?callId=" + CallId, LoadAsync, () => { });
    }
}
