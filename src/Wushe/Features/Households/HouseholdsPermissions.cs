using Wushe.Platform.Access;

namespace Wushe.Features.Households;

/// <summary>
/// Who may do what with households and people at risk. Households are kept by community staff and station social
/// workers, overseen by bureaus; organization staff and volunteers see only the households of visits they took part
/// in (<see cref="Linked"/>), and only non-sensitive fields.
/// </summary>
public static class HouseholdsPermissions
{
    public const string ViewPolicy = "households.view", ManagePolicy = "households.manage", VisitPolicy = "households.visit",
        ConfigurePolicy = "households.configure", LinkedPolicy = "households.linked";

    /// <summary>Household and resident lists, details (masked), overdue figures.</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Register and edit households and residents, tags, consent, cards, responsible workers; import.</summary>
    public static readonly Permission Manage = new(ManagePolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>
    /// Record visits and report major changes; 我的探访 (the page, its export and its API, and its menu entry) is the to-do list of
    /// those who visit, so it is theirs too: bureaus oversee through 探访逾期统计 (review 7b F34).
    /// </summary>
    public static readonly Permission Visit = new(VisitPolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Define the area's colour-card scheme and target-group tags (data, not code).</summary>
    public static readonly Permission Configure = new(ConfigurePolicy, Role.BureauStaff, Role.StationWorker);

    /// <summary>Reveal a resident's ID number, phone, guardian's phone or health note in full, with a reason (audited).</summary>
    public static readonly Permission Reveal = new("households.reveal", Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>The households of visits one took part in (organization staff, volunteers): non-sensitive fields only.</summary>
    public static readonly Permission Linked = new(LinkedPolicy, Role.OrganizationStaff, Role.Volunteer);
}
