using Wushe.Platform.Access;

namespace Wushe.Features.Projects;

/// <summary>
/// Who may do what with projects (项目). Station social workers design projects of their scope and see them through;
/// the station's head or the bureau approves them; the implementing organization's staff start them and record their delivery
/// (their own organization's projects only); community staff and bureaus read the projects of their area. Who may take which
/// step is <see cref="ProjectRules.Refusal"/>'s.
/// </summary>
public static class ProjectsPermissions
{
    public const string ViewPolicy = "projects.view", DesignPolicy = "projects.design", ActPolicy = "projects.act", DeliverPolicy = "projects.deliver", ReportPolicy = "projects.report";

    /// <summary>Project lists, details with indicator actuals and the narrative, exports.</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.OrganizationStaff);

    /// <summary>Design a project (from needs) and edit its draft.</summary>
    public static readonly Permission Design = new(DesignPolicy, Role.StationWorker);

    /// <summary>Take a step of a project's life cycle (which one: <see cref="ProjectRules.Refusal"/>).</summary>
    public static readonly Permission Act = new(ActPolicy, Role.BureauStaff, Role.StationWorker, Role.OrganizationStaff);

    /// <summary>An area's outcomes over a period (成效综述), read by area scope: not organization staff, whose scope is their organization's projects.</summary>
    public static readonly Permission Report = new(ReportPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Record delivery (activities and services) of a project in progress.</summary>
    public static readonly Permission Deliver = new(DeliverPolicy, Role.StationWorker, Role.OrganizationStaff);
}
