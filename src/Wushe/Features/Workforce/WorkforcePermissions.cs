using Wushe.Platform.Access;

namespace Wushe.Features.Workforce;

/// <summary>
/// Who may do what with the social-work workforce (社会工作人才队伍). Bureaus keep the register of their area, the exam results and
/// the figures; station social workers keep their township's register (their own station's people among them) and its trainings;
/// social organization staff keep their own organization's people only (<see cref="IOrganizationHeld"/>). ID numbers are masked
/// everywhere and revealed with a reason (<see cref="RevealSocialWorkerField"/>), audited.
/// </summary>
public static class WorkforcePermissions
{
    public const string ViewPolicy = "workforce.view", ManagePolicy = "workforce.manage", ExamsPolicy = "workforce.exams", TrainPolicy = "workforce.train",
        FiguresPolicy = "workforce.figures";

    /// <summary>The register, a person's record, the trainings.</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker, Role.OrganizationStaff);

    /// <summary>
    /// An area's figures — the staffing of stations, the training figures: a bureau's and a station's. Not an organization's staff,
    /// who see their own organization's people only, so that an area's figure would count none of the rest.
    /// </summary>
    public static readonly Permission Figures = new(FiguresPolicy, Role.BureauStaff, Role.StationWorker);

    /// <summary>Enter and correct social workers, their qualifications, registrations and continuing-education records.</summary>
    public static readonly Permission Manage = new(ManagePolicy, Role.BureauStaff, Role.StationWorker, Role.OrganizationStaff);

    /// <summary>A social worker's ID number or phone in full, with a reason (audited): the staff who keep the register.</summary>
    public static readonly Permission Reveal = new("workforce.reveal", Role.BureauStaff, Role.StationWorker, Role.OrganizationStaff);

    /// <summary>The exam: results entered or imported, the pass lines of designated areas — a bureau's.</summary>
    public static readonly Permission Exams = new(ExamsPolicy, Role.BureauStaff);

    /// <summary>Trainings: set up a course, enrol, record attendance, issue attendance certificates.</summary>
    public static readonly Permission Train = new(TrainPolicy, Role.BureauStaff, Role.StationWorker, Role.OrganizationStaff);
}
