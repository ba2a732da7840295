using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>
/// The rules of a case's life cycle in one place: which step may be submitted at which stage, what approval does to the
/// stage, who is the head that may decide, and the next action a list shows.
/// </summary>
public static class CaseRules
{
    public static DbSet<Case> Cases(this AppDb db) => db.Set<Case>();

    /// <summary>The township (9-digit prefix + 000) a 12-digit code lies in.</summary>
    public static string TownshipOf(string areaCode12) => areaCode12[..9] + "000";

    /// <summary>
    /// The steps a worker may submit at a stage: the assessment at intake, the plan once assessed (or again in service to
    /// revise it), reviews in service, the closure at any open stage (a client may move away or decline).
    /// </summary>
    public static bool MaySubmit(CaseStatus status, CaseStepKind kind) => kind switch
    {
        CaseStepKind.Assessment => status is CaseStatus.Intake,
        CaseStepKind.Plan => status is CaseStatus.Planning or CaseStatus.InService,
        CaseStepKind.Review => status is CaseStatus.InService,
        CaseStepKind.Closure => status is not CaseStatus.Closed,
        _ => false,
    };

    /// <summary>The stage after an approved step (the stage moves only on approval): assessment → plan → in service → closed.</summary>
    public static CaseStatus AfterApproval(CaseStatus status, CaseStepKind kind) => kind switch
    {
        CaseStepKind.Assessment => CaseStatus.Planning,
        CaseStepKind.Plan => CaseStatus.InService,
        CaseStepKind.Closure => CaseStatus.Closed,
        _ => status,
    };

    /// <summary>
    /// Whether <paramref name="user"/> heads the station of the case: an active station social worker role, and a staff
    /// row of a station in the case's township with <see cref="StationStaff.IsHead"/> set.
    /// </summary>
    public static async Task<bool> IsHeadAsync(AppDb db, CurrentUser user, Case c, CancellationToken ct)
    {
        if (user.Id is not { } id || user.Active?.Role != Role.StationWorker) return false;
        var township = TownshipOf(c.AreaCode);
        return await db.Set<StationStaff>().AnyAsync(m => m.UserId == id && m.IsHead && m.AreaCode == township, ct);
    }

    /// <summary>
    /// Saves a change of a case (its <see cref="Case.Version"/> bumped by the change): null when saved; a 409 when someone else
    /// changed the case since it was read — a second head deciding the same step, a submit racing a decision, a note racing the
    /// closure — with nothing of this request saved (the context is cleared). <paramref name="zh"/>/<paramref name="en"/> say
    /// what the user should do; by default "reload and try again".
    /// </summary>
    public static async Task<Failure?> SaveAsync(AppDb db, CancellationToken ct, string? zh = null, string? en = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(Lang.T(zh ?? "该个案刚被他人修改（如环节已提交或已审批），您的操作未保存，请刷新后重试",
                en ?? "Someone else changed this case a moment ago (a step submitted or decided); nothing of yours was saved: reload and try again"));
        }
    }

    /// <summary>What comes next for a case, as a list shows it.</summary>
    public static string NextAction(CaseStatus status, CaseStepKind? pending, bool referred) =>
        referred ? Lang.T("转介待接收", "Referral awaiting the receiver")
        : pending is { } k ? Lang.T("待站长审批：", "Awaiting the head's approval: ") + CaseStep.KindLabel(k)
        : status switch
        {
            CaseStatus.Intake or CaseStatus.Assessment => Lang.T("提交需求预估", "Submit the assessment"),
            CaseStatus.Planning => Lang.T("提交服务计划", "Submit the service plan"),
            CaseStatus.InService or CaseStatus.Closing => Lang.T("开展服务、中期评估或申请结案", "Give services, review, or apply to close"),
            _ => "—",
        };

    /// <summary>The worker kinds of service a case records (DOMAIN.md service kinds).</summary>
    public static readonly Households.ServiceKind[] ServiceKinds =
    [
        Households.ServiceKind.CaseService, Households.ServiceKind.Counselling, Households.ServiceKind.LifeCare,
        Households.ServiceKind.MedicalCare, Households.ServiceKind.LegalAid,
    ];
}
