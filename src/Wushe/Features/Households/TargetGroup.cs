using Microsoft.EntityFrameworkCore;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Households;

/// <summary>
/// 重点人群标签: a configurable target-group tag (独居老人, 留守儿童, 低保 …), defined by an area for itself and
/// everything below it; the platform's defaults are held by the country (<c>000000000000</c>). Tags that tell
/// health, disability or financial status are sensitive (DOMAIN.md, Personal information): a child under 14
/// gets them only with a guardian's consent.
/// </summary>
public sealed class TargetGroup : IAreaScoped
{
    private TargetGroup() { AreaCode = Name = NameEn = ""; }

    public TargetGroup(string areaCode, string name, string nameEn, TargetGroupKind kind, int order)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Name = name;
        NameEn = nameEn;
        Kind = kind;
        Order = order;
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public string Name { get; private set; }
    public string NameEn { get; private set; }
    /// <summary>一老一小、一残一困: which of the four the tag belongs to (for figures).</summary>
    public TargetGroupKind Kind { get; private set; }
    public int Order { get; private set; }
    public bool IsActive { get; private set; }

    public void Edit(string name, string nameEn, TargetGroupKind kind, int order, bool active)
    {
        Name = name;
        NameEn = nameEn;
        Kind = kind;
        Order = order;
        IsActive = active;
    }
}

public static class TargetGroups
{
    /// <summary>The tags a household of <paramref name="areaCode"/> may carry: those defined by the area or any area above it (held above the user's scope: read-only).</summary>
    public static IQueryable<TargetGroup> Visible(Data.AppDb db, string areaCode)
    {
        var owners = Ancestors(areaCode);
        return db.Set<TargetGroup>().IgnoreQueryFilters([Data.AppDb.ScopeFilter]).Where(t => owners.Contains(t.AreaCode));
    }

    /// <summary>The area and every area above it, and the country (<c>000000000000</c>, where the platform's defaults live).</summary>
    public static List<string> Ancestors(string areaCode)
    {
        var list = new List<string> { Country };
        for (var code = (string?)areaCode; code is not null; code = Platform.Areas.AreaCode.ParentOf(code)) list.Add(code);
        return list;
    }

    /// <summary>The owner of the platform's default tags.</summary>
    public const string Country = Scope.Country;

    public static string KindLabel(TargetGroupKind k) => k switch
    {
        TargetGroupKind.Elderly => Lang.T("一老（老年人）", "Elderly"),
        TargetGroupKind.Child => Lang.T("一小（儿童）", "Children"),
        TargetGroupKind.Disabled => Lang.T("一残（残疾人）", "Disabled"),
        TargetGroupKind.Poor => Lang.T("一困（困难群众）", "In poverty"),
        _ => Lang.T("其他", "Other"),
    };
}

public enum TargetGroupKind
{
    Elderly = 1,
    Child = 2,
    Disabled = 3,
    Poor = 4,
    Other = 9,
}

/// <summary>A resident's tag (several per person).</summary>
public sealed class ResidentTag : IAreaScoped
{
    private ResidentTag() { AreaCode = ""; }

    public ResidentTag(Resident resident, Guid targetGroupId)
    {
        ResidentId = resident.Id;
        HouseholdId = resident.HouseholdId;
        AreaCode = resident.AreaCode;
        TargetGroupId = targetGroupId;
    }

    public Guid ResidentId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public Guid TargetGroupId { get; private set; }
    public string AreaCode { get; private set; }
}
