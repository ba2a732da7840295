using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Organizations;

/// <summary>
/// 孵化里程碑: adds a milestone to an incubation in progress, or changes one (marking it done on a day, with a note). A
/// programme that has ended keeps its milestones as they were (409).
/// </summary>
public static class SaveIncubationMilestone
{
    public sealed record Request(
        [Label("里程碑", "Milestone")] string? Title,
        [Label("计划完成日期", "Due on")] DateOnly? DueOn,
        [Label("完成日期", "Done on")] DateOnly? DoneOn,
        [Label("备注", "Note")] string? Note);

    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors()
            .Text("title", r.Title, "里程碑", "Milestone", 2, 100)
            .Text("note", r.Note, "备注", "Note", 0, 500, required: false);
        if (r.DueOn is null) errors.Add("dueOn", Lang.T("计划完成日期不能为空", "The due date is required"));
        if (r.DoneOn is { } done && done > ChinaTime.Today(clock)) errors.Add("doneOn", Lang.T("完成日期不能晚于今天", "The date done cannot be in the future"));
        return errors;
    }

    public static async Task<Result<Guid>> Handle(AppDb db, TimeProvider clock, Guid organizationId, Guid programmeId, Guid? milestoneId, Request r, CancellationToken ct = default)
    {
        var programme = await db.Set<IncubationProgramme>().FirstOrDefaultAsync(p => p.Id == programmeId && p.OrganizationId == organizationId, ct);
        if (programme is null) return Failure.NotFound();
        IncubationMilestone? milestone = null;
        if (milestoneId is { } mid)
        {
            milestone = await db.Set<IncubationMilestone>().FirstOrDefaultAsync(m => m.Id == mid && m.ProgrammeId == programmeId, ct);
            if (milestone is null) return Failure.NotFound();
        }
        var errors = Validate(r, clock);
        if (r.DoneOn is { } done && done < programme.StartOn) errors.Add("doneOn", Lang.T("完成日期不能早于入孵日期", "The date done cannot be before the start"));
        if (r.DueOn is { } due && due < programme.StartOn) errors.Add("dueOn", Lang.T("计划完成日期不能早于入孵日期", "The due date cannot be before the start"));
        else if (r.DueOn is { } late && late > programme.PlannedEndOn)
            errors.Add("dueOn", Lang.T($"计划完成日期不能晚于计划出孵日期（{programme.PlannedEndOn:yyyy-MM-dd}）", $"The due date cannot be after the planned end ({programme.PlannedEndOn:yyyy-MM-dd})"));
        if (r.DoneOn is { } doneLate && doneLate > (programme.EndedOn ?? DateOnly.MaxValue))
            errors.Add("doneOn", Lang.T("完成日期不能晚于出孵日期", "The date done cannot be after the end of the programme"));
        if (errors.Any) return errors.ToFailure();
        if (programme.Status != IncubationStatus.InProgress)
            return Failure.Conflict(Lang.T($"孵化已{IncubationProgramme.StatusLabel(programme.Status)}，里程碑不能再修改", $"The incubation is {IncubationProgramme.StatusLabel(programme.Status)}; its milestones stay as they were"));
        if (milestone is null)
        {
            milestone = new IncubationMilestone(programme, r.Title!.Trim(), r.DueOn!.Value);
            db.Set<IncubationMilestone>().Add(milestone);
        }
        milestone.Edit(r.Title!.Trim(), r.DueOn!.Value, r.DoneOn, r.Note?.Trim() ?? "");
        await db.SaveChangesAsync(ct);
        return milestone.Id;
    }
}
