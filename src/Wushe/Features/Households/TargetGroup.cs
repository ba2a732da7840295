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

    /// <summary>The youngest age (whole years at China's day, <see cref="Platform.ChinaTime.AgeOn"/>) a holder may have; null: the kind's bound (<see cref="TargetGroups.AgeBounds"/>).</summary>
    public int? MinAge { get; private set; }

    /// <summary>The oldest age (inclusive, whole years) a holder may have; null: the kind's bound.</summary>
    public int? MaxAge { get; private set; }

    public void Edit(string name, string nameEn, TargetGroupKind kind, int order, bool active)
    {
        Name = name;
        NameEn = nameEn;
        Kind = kind;
        Order = order;
        IsActive = active;
    }

    public void SetAges(int? minAge, int? maxAge)
    {
        MinAge = minAge;
        MaxAge = maxAge;
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

    /// <summary>Elderly tags (一老) are for people of 60 and over (老年人权益保障法 §2).</summary>
    public const int ElderlyAge = 60;

    /// <summary>Children's tags (一小) are for people under 18 (未成年人保护法 §2): at most 17.</summary>
    public const int ChildMaxAge = 17;

    /// <summary>
    /// The ages a tag's holder may have, inclusive: the tag's own bounds (高龄老人: 80 and over; a "under 14" tag: at most 13), else
    /// its kind's — elderly 60 and over, children at most 17 — else none.
    /// </summary>
    public static (int? Min, int? Max) AgeBounds(TargetGroupKind kind, int? minAge, int? maxAge) =>
        (minAge ?? (kind == TargetGroupKind.Elderly ? ElderlyAge : null), maxAge ?? (kind == TargetGroupKind.Child ? ChildMaxAge : null));

    /// <summary>Why a person of <paramref name="age"/> cannot hold the tag, or null when they can.</summary>
    public static string? AgeRefusal(string name, string nameEn, TargetGroupKind kind, int? minAge, int? maxAge, int age)
    {
        var (min, max) = AgeBounds(kind, minAge, maxAge);
        if (min is { } lo && age < lo) return Lang.T($"重点人群标签“{name}”仅适用于{lo}周岁及以上的居民（该居民{age}周岁）",
            $"The target group {nameEn} is for residents aged {lo} or over (this resident is {age})");
        if (max is { } hi && age > hi) return Lang.T($"重点人群标签“{name}”仅适用于未满{hi + 1}周岁的居民（该居民{age}周岁）",
            $"The target group {nameEn} is for residents under {hi + 1} (this resident is {age})");
        return null;
    }

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
    /// <summary>The household moved to another community (<see cref="MoveHousehold"/>): this record with it.</summary>
    public void MoveTo(string areaCode) => AreaCode = areaCode;
}
