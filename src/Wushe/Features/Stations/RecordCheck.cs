using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Files;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>Record one checklist item as met or not, with the date checked and optional evidence (photo or document).</summary>
public static class RecordCheck
{
    /// <summary>Properties, not a positional record: form binding then treats every field as optional and validation names what is missing.</summary>
    public sealed record Request
    {
        [Label("检查项", "Item")] public StandardItem? Item { get; init; }
        [Label("是否达标", "Met")] public bool? Met { get; init; }
        [Label("检查日期", "Date checked")] public DateOnly? CheckedOn { get; init; }
        [Label("说明", "Note")] public string? Note { get; init; }
    }

    /// <summary>The request's own rules, without the database (see <c>PageForms.IfParsed</c>); <see cref="Handle"/> runs it first.</summary>
    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors().Text("note", r.Note, "说明", "Note", 0, 500, required: false);
        if (r.Item is null || !Enum.IsDefined(r.Item.Value)) errors.Add("item", Lang.T("请选择检查项", "Please choose the item"));
        if (r.Met is null) errors.Add("met", Lang.T("请选择是否达标", "Please say whether the item is met"));
        if (r.CheckedOn is null) errors.Add("checkedOn", Lang.T("检查日期不能为空", "The date checked is required"));
        else if (r.CheckedOn > ChinaTime.Today(clock)) errors.Add("checkedOn", Lang.T("检查日期不能晚于今天", "The date checked cannot be in the future"));
        return errors;
    }

    public static async Task<Result<Guid>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid stationId, Request r, IFormFile? evidence, string checkedByName, CancellationToken ct = default)
    {
        var station = await db.StationAsync(stationId, ct);
        if (station is null) return Failure.NotFound();
        var errors = Validate(r, clock);
        StoredFile? file = null;
        if (evidence is not null)
        {
            var (f, error) = await StoredFile.FromUpload(evidence, StandardCheck.Evidence, station.AreaCode, clock.GetUtcNow(), user.Id);
            errors.Add("evidence", error);
            file = f;
        }
        if (errors.Any) return errors.ToFailure();
        if (file is not null) db.StoredFiles.Add(file);
        var check = new StandardCheck(station, r.Item!.Value, r.Met!.Value, r.CheckedOn!.Value, r.Note?.Trim() ?? "", file?.Id, user.Id, checkedByName, clock.GetUtcNow());
        db.Set<StandardCheck>().Add(check);
        // The station's roll-up changes in the same save (one transaction) as the check that changes it.
        var history = await db.Set<StandardCheck>().Where(c => c.StationId == station.Id)
            .Select(c => new { c.Item, c.Met, c.CheckedOn, c.RecordedAt }).ToListAsync(ct);
        station.SetStandard(StandardCheck.Summarize(history.Select(c => (c.Item, c.Met, c.CheckedOn, c.RecordedAt))
            .Append((check.Item, check.Met, check.CheckedOn, check.RecordedAt))));
        await db.SaveChangesAsync(ct);
        return check.Id;
    }
}
