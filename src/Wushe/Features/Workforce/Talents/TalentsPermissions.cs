using Wushe.Platform.Access;

namespace Wushe.Features.Workforce.Talents;

/// <summary>
/// Who may read the new-talent figures (bureaus and station social workers of the area: the figures count the whole register of an area,
/// not an organization's people) and who defines them (a bureau: it reports them).
/// </summary>
public static class TalentsPermissions
{
    public const string ViewPolicy = "workforce.talents.view", DefinePolicy = "workforce.talents.define";

    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker);
    public static readonly Permission Define = new(DefinePolicy, Role.BureauStaff);
}
