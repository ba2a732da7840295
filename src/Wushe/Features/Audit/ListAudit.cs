using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Audit;

/// <summary>
/// 审计日志: the append-only trail, newest first, filtered by user, action, entity, outcome and a range
/// of China dates. Read-only: there is no use case that changes or deletes an audit record.
/// Each row carries the raw record (code names, keys, codes) and the same in words for people:
/// the entity's and fields' names, the object's name, the area's name, old → new values.
/// </summary>
public static class ListAudit
{
    public sealed record Query(string? UserName = null, AuditAction? Action = null, string? Entity = null, AuditOutcome? Outcome = null,
        DateOnly? From = null, DateOnly? To = null, int? Page = null, int? Size = null) : IPagedQuery;

    /// <summary>
    /// One record. Raw: <c>entity</c> (code name), <c>entityKey</c>, <c>fields</c> (changed field code names), <c>areaCode</c>,
    /// <c>reason</c> (a code such as "password", or the text a person gave). For people: <c>actorName</c>, <c>entityName</c>,
    /// <c>objectName</c> (as it was when written), <c>areaName</c>, <c>changes</c>, <c>reasonText</c>.
    /// </summary>
    public sealed record Row(long Id, DateTimeOffset At, Guid? UserId, string? UserName, string? ActorName, Role? Role, string? RoleName,
        AuditAction Action, string ActionName, string Entity, string EntityName, string EntityKey, string? ObjectName, string? Fields,
        IReadOnlyList<ChangeRow> Changes, AuditOutcome Outcome, string OutcomeName, string? AreaCode, string? AreaName, string? Reason,
        string? ReasonText, string? Origin);

    /// <summary>
    /// One changed field: <c>field</c> its code name, <c>fieldName</c> its name for people, <c>old</c>/<c>new</c> the values
    /// formatted for people (null when the record keeps none), <c>hidden</c> when the value is never copied (sensitive),
    /// <c>text</c> the whole line ("站点名称：甲 → 乙", "手机号码：已修改").
    /// </summary>
    public sealed record ChangeRow(string Field, string FieldName, string? Old, string? New, bool Hidden, string Text);

    public static async Task<Result<PageOf<Row>>> Handle(AppDb db, CurrentUser actor, Query q, CancellationToken ct = default)
    {
        if (q.From is { } f && q.To is { } t && f > t)
            return Failure.Invalid("to", Lang.T("结束日期不能早于开始日期", "The end date cannot be before the start date"));
        var records = db.AuditRecords.AsNoTracking();
        // Only the platform admin holds the permission today; should a scoped role get it, it sees its own places only.
        records = records.WithinArea(r => r.AreaCode!, actor.Scope);
        if (!string.IsNullOrWhiteSpace(q.UserName))
        {
            var name = q.UserName.Trim();
            records = records.Where(r => r.UserName != null && r.UserName.Contains(name));
        }
        if (q.Action is { } action) records = records.Where(r => r.Action == action);
        if (!string.IsNullOrWhiteSpace(q.Entity))
        {
            var entity = q.Entity.Trim();
            records = records.Where(r => r.Entity == entity);
        }
        if (q.Outcome is { } outcome) records = records.Where(r => r.Outcome == outcome);
        // China dates to UTC instants: [from 00:00 CST, to+1 00:00 CST). UTC on both sides keeps SQLite's stored order.
        if (q.From is { } from)
        {
            var start = StartOf(from);
            records = records.Where(r => r.At >= start);
        }
        if (q.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            records = records.Where(r => r.At < end);
        }
        var page = await records.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToPageAsync(q.Page, q.Size, ct);
        return new PageOf<Row>(await Readable(db, page.Items, ct), page.Total, page.Page, page.Size);
    }

    /// <summary>Puts records into words: names of actors, entities, fields, objects and areas, and values for people.</summary>
    public static async Task<List<Row>> Readable(AppDb db, IReadOnlyList<AuditRecord> records, CancellationToken ct = default)
    {
        var vocabulary = AuditVocabulary.Current;
        var changes = records.ToDictionary(r => r.Id, r => AuditChange.Parse(r.Changes));

        var actorIds = records.Select(r => r.UserId).OfType<Guid>().Where(id => id != Guid.Empty).Distinct().ToList();
        var actors = actorIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        // Records written without the object's name (sign-ins, reveals, older records) are named as the object is now.
        var unnamed = records.Where(r => r.ObjectName is null && r.EntityKey.Length > 0).Select(r => (r.Entity, r.EntityKey)).ToList();
        var names = unnamed.Count == 0 ? [] : await AuditNaming.FindNamesAsync(db, unnamed, ct);

        var codes = records.Select(r => r.AreaCode).OfType<string>()
            .Concat(records.SelectMany(r => changes[r.Id].Where(c => vocabulary.Find(r.Entity)?.Field(c.Field)?.Kind == AuditFieldKind.Area)
                .SelectMany(c => new[] { c.Old, c.New })).OfType<string>())
            .Where(c => c.Length == 12).Distinct().ToList();
        var areaNames = await AreaNames.LookupAsync(db, codes.Concat(codes.Select(AreaCode.ParentOf).OfType<string>()), ct);
        string? Area(string code)
        {
            if (code == Scope.Country) return Lang.T("全国", "Whole country");
            if (!areaNames.TryGetValue(code, out var name)) return null;
            // A township or village says which county or township it lies in: names repeat across the country.
            return AreaCode.LevelOf(code) >= AreaLevel.Township && AreaCode.ParentOf(code) is { } parent && areaNames.TryGetValue(parent, out var above)
                ? $"{above} {name}" : name;
        }

        return records.Select(r =>
        {
            var entity = vocabulary.Find(r.Entity);
            var rows = changes[r.Id].Count > 0 ? changes[r.Id].Select(c => Describe(entity, r.Action, c, Area)).ToList() : FromFields(entity, r.Fields);
            var resident = CurrentUser.IsResident(r.UserId, r.UserName);
            var actor = r.UserId == CurrentUser.System.Id && r.UserName == CurrentUser.System.UserName ? Lang.T("系统", "System")
                : resident ? Lang.T("居民 ", "Resident ") + r.UserName![CurrentUser.ResidentPrefix.Length..]
                : r.UserId is { } uid ? actors.GetValueOrDefault(uid) : null;
            // A resident acts with a community's scope but holds no role: none is shown.
            return new Row(r.Id, r.At, r.UserId, r.UserName, actor, resident ? null : r.Role,
                !resident && r.Role is { } role ? Roles.Label(role) : null, r.Action, AuditLabels.Action(r.Action), r.Entity, vocabulary.EntityLabel(r.Entity), r.EntityKey,
                r.ObjectName ?? names.GetValueOrDefault((r.Entity, r.EntityKey)), r.Fields, rows, r.Outcome, AuditLabels.Outcome(r.Outcome),
                r.AreaCode, r.AreaCode is { } code ? Area(code) ?? code : null, r.Reason, r.Reason is { } reason ? AuditLabels.Reason(reason) : null, r.Origin);
        }).ToList();
    }

    static ChangeRow Describe(AuditEntity? entity, AuditAction action, AuditChange c, Func<string, string?> area)
    {
        var field = entity?.Field(c.Field);
        var label = field?.Label ?? c.Field;
        if (c.Hidden)
        {
            var said = action == AuditAction.Create ? Lang.T("已填写", "set") : Lang.T("已修改", "changed");
            return new ChangeRow(c.Field, label, null, null, true, $"{label}{Lang.T("：", ": ")}{said}");
        }
        var now = AuditValues.Display(field, c.New, area);
        if (action == AuditAction.Create) return new ChangeRow(c.Field, label, null, now, false, $"{label}{Lang.T("：", ": ")}{now}");
        var before = AuditValues.Display(field, c.Old, area);
        return new ChangeRow(c.Field, label, before, now, false, $"{label}{Lang.T("：", ": ")}{before} → {now}");
    }

    /// <summary>Records that name fields without values: a reveal ("Phone"), a summary ("rows=12,added=3").</summary>
    static List<ChangeRow> FromFields(AuditEntity? entity, string? fields) =>
        // ';' too: early export records wrote "year=2026;months=1-12".
        string.IsNullOrEmpty(fields) ? [] : fields.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f =>
        {
            var eq = f.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                var key = f[..eq];
                var label = AuditLabels.SummaryKey(key);
                return new ChangeRow(key, label, null, f[(eq + 1)..], false, $"{label}{Lang.T("：", ": ")}{f[(eq + 1)..]}");
            }
            var name = AuditVocabulary.Current.FieldLabel(entity?.Name, f) ?? f;
            return new ChangeRow(f, name, null, null, true, name);
        }).ToList();

    public static DateTimeOffset StartOf(DateOnly chinaDate) =>
        new DateTimeOffset(chinaDate.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();

    /// <summary>The audited entities for the filter's list: code name (the value) and name for people.</summary>
    public static IReadOnlyList<(string Name, string Label)> Entities() =>
        AuditVocabulary.Current.Entities.Where(e => e.ClrType.Namespace?.StartsWith("Wushe", StringComparison.Ordinal) == true)
            .Select(e => (e.Name, e.Label)).OrderBy(e => e.Label, StringComparer.Ordinal).ToList();

    public static string ActionLabel(AuditAction action) => AuditLabels.Action(action);

    public static string OutcomeLabel(AuditOutcome outcome) => AuditLabels.Outcome(outcome);

    public static string OutcomeColor(AuditOutcome outcome) => AuditLabels.OutcomeColor(outcome);
}
