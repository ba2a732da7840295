using Wushe.Platform.Access;

namespace Wushe.Features.Competitions;

/// <summary>
/// Who may do what with venture-philanthropy competitions (公益创投). A bureau or a station hosts calls of its area: publishes them,
/// screens the applications (初审), assigns the judges, posts the shortlist, answers objections, confirms the awards and releases their
/// tranches; community staff read them. Social organization staff apply for their own organization and read their own applications
/// and awards only. Judges (评审专家, a role without area scope) score the applications assigned to them and nothing else. Published
/// calls and shortlists are public.
/// </summary>
public static class CompetitionsPermissions
{
    public const string ViewPolicy = "competitions.view", HostPolicy = "competitions.host", ApplyPolicy = "competitions.apply", JudgePolicy = "competitions.judge";

    /// <summary>The calls of the area, their applications, the ranking, the awards and the figures (organization staff: their own applications).</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.OrganizationStaff);

    /// <summary>Host a call: publish, screen, assign judges, post the notice, answer objections, confirm awards, release tranches.</summary>
    public static readonly Permission Host = new(HostPolicy, Role.BureauStaff, Role.StationWorker);

    /// <summary>Apply to a call for one's own organization: drafts, documents, submission.</summary>
    public static readonly Permission Apply = new(ApplyPolicy, Role.OrganizationStaff);

    /// <summary>Score the applications one is assigned, or declare a conflict of interest (回避).</summary>
    public static readonly Permission Judge = new(JudgePolicy, Role.Expert);
}
