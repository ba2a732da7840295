using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Organizations;

/// <summary>
/// 孵化支持: records support given during an incubation — 场地, 资金, 培训, 督导 or 其他 — on a day within the programme, with
/// an amount in yuan where money or its worth is known (kept in fen; none is 0) and a note. Funding needs an amount.
/// </summary>
public static class RecordIncubationSupport
{
    public sealed record Request(
        [Label("支持日期", "Given on")] DateOnly? GivenOn,
        [Label("支持类型", "Kind")] IncubationSupportKind? Kind,
        [Label("金额（元）", "Amount (yuan)")] decimal? AmountYuan,
        [Label("说明", "Note")] string? Note);

    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors().Text("note", r.Note, "说明", "Note", 0, 500, required: false);
        if (r.GivenOn is not { } on) errors.Add("givenOn", Lang.T("支持日期不能为空", "The date is required"));
        else if (on > ChinaTime.Today(clock)) errors.Add("givenOn", Lang.T("支持日期不能晚于今天", "The date cannot be in the future"));
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", Lang.T("请选择支持类型", "Please choose the kind"));
        if (r.AmountYuan is { } yuan && (yuan < 0 || yuan > 100_000_000m || decimal.Round(yuan, 2) != yuan))
            errors.Add("amountYuan", Lang.T("金额须在 0 到 1 亿元之间，最多两位小数", "The amount is between 0 and 100 million yuan, with at most 2 decimals"));
        else if (r.Kind == IncubationSupportKind.Funding && (r.AmountYuan ?? 0) == 0)
            errors.Add("amountYuan", Lang.T("资金支持请填写金额", "Funding needs its amount"));
        return errors;
    }

    public static async Task<Result<Guid>> Handle(AppDb db, TimeProvider clock, Guid organizationId, Guid programmeId, Request r, CancellationToken ct = default)
    {
        var programme = await db.Set<IncubationProgramme>().FirstOrDefaultAsync(p => p.Id == programmeId && p.OrganizationId == organizationId, ct);
        if (programme is null) return Failure.NotFound();
        var errors = Validate(r, clock);
        if (r.GivenOn is { } on && (on < programme.StartOn || (programme.EndedOn is { } ended && on > ended)))
            errors.Add("givenOn", Lang.T("支持日期应在孵化期内", "The date must fall within the incubation"));
        if (errors.Any) return errors.ToFailure();
        var support = new IncubationSupport(programme, r.GivenOn!.Value, r.Kind!.Value, (long)((r.AmountYuan ?? 0) * 100), r.Note?.Trim() ?? "");
        db.Set<IncubationSupport>().Add(support);
        await db.SaveChangesAsync(ct);
        return support.Id;
    }
}
