using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Stations;

/// <summary>The ten items of Bijie's "五有五统一" station standard.</summary>
public enum StandardItem
{
    HasOffice = 1,
    HasRules = 2,
    HasStaff = 3,
    HasServiceRecords = 4,
    HasResultsDisplay = 5,
    UnifiedSign = 6,
    UnifiedName = 7,
    UnifiedUniform = 8,
    UnifiedRules = 9,
    UnifiedServiceContent = 10,
}

/// <summary>
/// One check of one checklist item at one date. Checks are never overwritten: the current
/// state of an item is its latest check, and the history stays.
/// </summary>
public sealed class StandardCheck : IAreaScoped
{
    private StandardCheck() { AreaCode = Note = CheckedByName = ""; }

    /// <summary>A check's evidence (a photo of the sign, the rules on the wall): read by those who may see stations.</summary>
    public static readonly Platform.Files.FileKind Evidence = new("station-evidence", StationsPermissions.View, AuditReads: false);

    public StandardCheck(Station station, StandardItem item, bool met, DateOnly checkedOn, string note, Guid? evidenceFileId,
        Guid? checkedBy, string checkedByName, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        StationId = station.Id;
        AreaCode = station.AreaCode;
        Item = item;
        Met = met;
        CheckedOn = checkedOn;
        Note = note;
        EvidenceFileId = evidenceFileId;
        CheckedBy = checkedBy;
        CheckedByName = checkedByName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid StationId { get; private set; }
    public string AreaCode { get; private set; }
    public StandardItem Item { get; private set; }
    public bool Met { get; private set; }
    public DateOnly CheckedOn { get; private set; }
    public string Note { get; private set; }
    public Guid? EvidenceFileId { get; private set; }
    public Guid? CheckedBy { get; private set; }
    public string CheckedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static readonly StandardItem[] Items = Enum.GetValues<StandardItem>();

    /// <summary>
    /// A station's standing from its check history: per item the latest check (by date checked,
    /// then by when it was recorded) counts. Returns items met and items checked. Pure.
    /// </summary>
    public static (int Met, int Checked) Summarize(IEnumerable<(StandardItem Item, bool Met, DateOnly CheckedOn, DateTimeOffset RecordedAt)> history)
    {
        var latest = history.GroupBy(c => c.Item).Select(g => g.OrderByDescending(c => c.CheckedOn).ThenByDescending(c => c.RecordedAt).First()).ToList();
        return (latest.Count(c => c.Met), latest.Count);
    }

    public static string Label(StandardItem item) => item switch
    {
        StandardItem.HasOffice => Lang.T("有办公场所", "Has office space"),
        StandardItem.HasRules => Lang.T("有规章制度", "Has rules"),
        StandardItem.HasStaff => Lang.T("有工作人员", "Has staff"),
        StandardItem.HasServiceRecords => Lang.T("有服务台账", "Has service records"),
        StandardItem.HasResultsDisplay => Lang.T("有成果展示", "Has a results display"),
        StandardItem.UnifiedSign => Lang.T("统一标识", "Unified sign"),
        StandardItem.UnifiedName => Lang.T("统一名称", "Unified name"),
        StandardItem.UnifiedUniform => Lang.T("统一服装", "Unified uniform"),
        StandardItem.UnifiedRules => Lang.T("统一制度", "Unified rules"),
        _ => Lang.T("统一服务内容", "Unified service content"),
    };
}
