using Wushe.Platform.Composition;

namespace Wushe.Features.Workforce;

/// <summary>人才队伍: the menu group of the social-work workforce (the register, exams, trainings), shared by its parts.</summary>
public static class WorkforceNav
{
    public static readonly NavGroup Group = new("人才队伍", "Workforce", "bi-mortarboard", 150);
}
