using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 申报回执: what the organization keeps of a submission — the receipt's number, the call, the organization, the project's title, the
/// amount requested and the time of submission (China time), and whether the application is closed because its call was withdrawn.
/// Read by who reads the application; a draft has none (409).
/// </summary>
public static class GetApplicationReceipt
{
    /// <param name="SubmittedAtText">The time in China time, as printed (yyyy-MM-dd HH:mm).</param>
    public sealed record Receipt(Guid ApplicationId, string ApplicationNo, Guid CallId, string CallNo, string CallTitle, string HostName, string OrganizationName,
        string Title, long RequestedFen, string RequestedText, long CoFundingFen, DateTimeOffset SubmittedAt, string SubmittedAtText, ApplicationStatus Status, string StatusName)
    {
        /// <summary>已关闭: the call was withdrawn after the submission (its reason and date); null otherwise.</summary>
        public ApplicationRules.Closure? Closed { get; init; }
    }

    public static Receipt Of(Competition call, CompetitionApplication a) =>
        new(a.Id, a.ApplicationNo, call.Id, call.CallNo, call.Title, call.HostName, a.OrganizationName, a.Title, a.RequestedFen, Money.Yuan(a.RequestedFen), a.CoFundingFen,
            a.SubmittedAt!.Value, ChinaTime.Format(a.SubmittedAt.Value), a.Status, CompetitionApplication.StatusLabel(a.Status));

    public static async Task<Result<Receipt>> Handle(AppDb db, CurrentUser user, Guid id, CancellationToken ct = default)
    {
        if (await ApplicationRules.FindAsync(db, user, id, ct) is not { } application) return Failure.NotFound();
        if (application.ApplicationNo.Length == 0 || application.SubmittedAt is null)
            return Failure.Conflict(Lang.T("申报尚未提交，没有回执", "The application is not submitted: there is no receipt"));
        var call = await ApplicationRules.CallAsync(db, user, application.CompetitionId, ct);
        return Of(call!, application) with { Closed = await ApplicationRules.ClosureAsync(db, call!, ct) };
    }
}
