using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 答复异议 (the host): the answer (2–1000) and whether the objection is upheld; an upheld objection about one shortlisted application
/// takes it off the shortlist (未获资助, amount 0). Once per objection, while the call is on notice (before the awards are confirmed).
/// </summary>
public static class AnswerObjection
{
    public sealed record Request
    {
        [Label("答复", "Answer")] public string? Answer { get; init; }
        [Label("异议成立", "Upheld")] public bool? Upheld { get; init; }
    }

    public sealed record Answered(Guid Id, bool Upheld, ApplicationStatus? ApplicationStatus);

    public static Errors Validate(Request r)
    {
        var errors = new Errors().Text("answer", r.Answer, "答复", "The answer", 2, 1000);
        if (r.Upheld is null) errors.Add("upheld", Lang.T("请选择异议是否成立", "Say whether the objection is upheld"));
        return errors;
    }

    public static async Task<Result<Answered>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid callId, Guid objectionId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        if (await db.Set<CompetitionObjection>().FirstOrDefaultAsync(o => o.Id == objectionId && o.CompetitionId == callId, ct) is not { } objection) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (objection.AnsweredAt is not null) return Failure.Conflict(Lang.T("该异议已答复", "This objection is already answered"));
        if (call.Status != CompetitionStatus.Notice) return Failure.Conflict(Lang.T("资助已确定，异议不能再答复", "The awards are confirmed: objections are no longer answered"));
        var now = clock.GetUtcNow();
        objection.Reply(r.Answer!.Trim(), r.Upheld!.Value, await Workers.NameAsync(db, user, ct), now);
        CompetitionApplication? application = null;
        if (r.Upheld == true && objection.ApplicationId is { } aid)
        {
            application = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(a => a.Id == aid, ct);
            if (application?.Status == ApplicationStatus.Shortlisted) application.Shortlist(0);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(Lang.T("该异议刚被他人答复，请刷新后查看", "Someone answered this objection a moment ago: reload to see it"));
        }
        return new Answered(objection.Id, objection.Upheld == true, application?.Status);
    }
}
