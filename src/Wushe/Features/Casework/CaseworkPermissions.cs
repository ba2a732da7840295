using Wushe.Platform.Access;

namespace Wushe.Features.Casework;

/// <summary>
/// Who may do what with case files (个案) and guardianship assessments (监护评估). Cases are the station social workers'
/// work: they open them, submit steps, write notes, record services and refer; a station head (站长, a station worker whose
/// <see cref="Stations.StationStaff.IsHead"/> is set for the case's station) approves — that rule is checked per case, not
/// by role alone. Bureaus oversee; community staff see the cases of their community and assess children's guardianship.
/// </summary>
public static class CaseworkPermissions
{
    public const string ViewPolicy = "casework.view", ManagePolicy = "casework.manage", AssessPolicy = "casework.assess",
        ReferredPolicy = "casework.referred", ViewOnePolicy = "casework.viewone";

    /// <summary>Case and guardianship lists, case details (masked names in lists), the resident's cases.</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>
    /// Organization staff: the cases referred to their organization (<see cref="ReferredCases"/>) — accept or decline them, and
    /// once accepted read them (client masked) and add notes and services; nothing else, no other case (404).
    /// </summary>
    public static readonly Permission Referred = new(ReferredPolicy, Role.OrganizationStaff);

    /// <summary>One case's page: who views cases, and organization staff for a case their organization accepted (404 otherwise).</summary>
    public static readonly Permission ViewOne = new(ViewOnePolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.OrganizationStaff);

    /// <summary>Open cases, submit and decide steps (deciding also needs the head flag), notes, services, referrals.</summary>
    public static readonly Permission Manage = new(ManagePolicy, Role.StationWorker);

    /// <summary>Record guardianship assessments of minors.</summary>
    public static readonly Permission Assess = new(AssessPolicy, Role.StationWorker, Role.CommunityStaff);
}
