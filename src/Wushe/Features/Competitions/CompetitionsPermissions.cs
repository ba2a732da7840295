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
    public const string ViewPolicy = "competitions.view", HostPolicy = "competitions.host", ApplyPolicy = "competitions.apply", JudgePolicy = "competitions.judge",
        FiguresPolicy = "competitions.figures";

    /// <summary>The calls of the area, their applications, the ranking and the awards (organization staff: their own applications and awards).</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.OrganizationStaff);

    /// <summary>Host a call: publish, screen, assign judges, post the notice, answer objections, confirm awards, release tranches.</summary>
    public static readonly Permission Host = new(HostPolicy, Role.BureauStaff, Role.StationWorker);

    /// <summary>Apply to a call for one's own organization: drafts, documents, submission.</summary>
    public static readonly Permission Apply = new(ApplyPolicy, Role.OrganizationStaff);

    /// <summary>
    /// A call's figures (公益创投统计: every organization's applications and money, by focus and kind): the host's tool, read by the area's
    /// staff whose scope covers the call's host area (the call found in scope, else 404). Not organization staff — they read their own
    /// applications and awards, never the others' — nor judges: 403, the page (<see cref="FiguresModel"/>) and the API alike, by this one rule.
    /// </summary>
    public static readonly Permission Figures = new(FiguresPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Score the applications one is assigned, or declare a conflict of interest (回避).</summary>
    public static readonly Permission Judge = new(JudgePolicy, Role.Expert);
}
