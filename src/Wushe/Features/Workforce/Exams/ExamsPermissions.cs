using Wushe.Platform.Access;

namespace Wushe.Features.Workforce.Exams;

/// <summary>
/// Who may see the exam's results: bureaus and station social workers of the area (the candidates are not an organization's records, so
/// organization staff, who read the register of their own organization's people, do not read the exam lists). Writes — results entered,
/// corrected, imported; the pass lines — are a bureau's: <see cref="WorkforcePermissions.Exams"/>.
/// </summary>
public static class ExamsPermissions
{
    public const string ViewPolicy = "workforce.exams.view";

    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker);
}
