using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Households;

public enum ConsentScope
{
    /// <summary>Name, sex, birth date, address, household: what registration needs.</summary>
    Basic = 1,
    /// <summary>ID number, phone, health and disability, target groups: sensitive personal information.</summary>
    Sensitive = 2,
}

/// <summary>
/// 知情同意: a resident's consent to the processing of their information, or their guardian's on their behalf
/// (个人信息保护法 §31: a child under 14's information needs the guardian's separate consent). Withdrawal is
/// kept as a date; the record is never deleted.
/// </summary>
public sealed class Consent : IAreaScoped
{
    private Consent() { AreaCode = ConsentedBy = Relation = RecordedByName = ""; }

    public Consent(Resident resident, string consentedBy, string relation, bool byGuardian, ConsentScope scope, DateOnly givenOn,
        Guid? recordedById, string recordedByName, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        ResidentId = resident.Id;
        AreaCode = resident.AreaCode;
        ConsentedBy = consentedBy;
        Relation = relation;
        ByGuardian = byGuardian;
        Scope = scope;
        GivenOn = givenOn;
        RecordedById = recordedById;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid ResidentId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>The household moved to another community (<see cref="MoveHousehold"/>): this record with it.</summary>
    public void MoveTo(string areaCode) => AreaCode = areaCode;
    /// <summary>Who consented: the resident, or the guardian by name.</summary>
    public string ConsentedBy { get; private set; }
    /// <summary>本人, 父亲, 母亲, 祖父母 …</summary>
    public string Relation { get; private set; }
    public bool ByGuardian { get; private set; }
    public ConsentScope Scope { get; private set; }
    public DateOnly GivenOn { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public Guid? RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public void Withdraw(DateOnly on) => WithdrawnOn = on;

    public static string ScopeLabel(ConsentScope s) => s == ConsentScope.Basic
        ? Lang.T("基本信息", "Basic information") : Lang.T("敏感个人信息", "Sensitive information");

    /// <summary>
    /// A relation as typed (本人, 母亲, 祖父 …; a consent's or a guardian's relation is free text) in the page's language: the
    /// common Chinese kinship words have an English name; any other text shows as typed.
    /// </summary>
    public static string RelationLabel(string relation)
    {
        var r = relation.Trim();
        if (Kinship.TryGetValue(r, out var en)) return Lang.T(r, en);
        // An English word stored from an English page (the registration's own consent says "Self" there) reads in Chinese too.
        var zh = Kinship.FirstOrDefault(k => string.Equals(k.Value, r, StringComparison.OrdinalIgnoreCase)).Key;
        return zh is null ? r : Lang.T(zh, Kinship[zh]);
    }

    static readonly Dictionary<string, string> Kinship = new(StringComparer.Ordinal)
    {
        ["本人"] = "Self", ["父亲"] = "Father", ["母亲"] = "Mother", ["父母"] = "Parents", ["祖父"] = "Grandfather", ["祖母"] = "Grandmother",
        ["外祖父"] = "Maternal grandfather", ["外祖母"] = "Maternal grandmother", ["爷爷"] = "Grandfather", ["奶奶"] = "Grandmother",
        ["外公"] = "Maternal grandfather", ["外婆"] = "Maternal grandmother", ["配偶"] = "Spouse", ["丈夫"] = "Husband", ["妻子"] = "Wife",
        ["儿子"] = "Son", ["女儿"] = "Daughter", ["子女"] = "Child", ["孙子"] = "Grandson", ["孙女"] = "Granddaughter",
        ["兄弟"] = "Brother", ["姐妹"] = "Sister", ["哥哥"] = "Brother", ["姐姐"] = "Sister", ["叔叔"] = "Uncle", ["伯父"] = "Uncle",
        ["舅舅"] = "Uncle", ["姑姑"] = "Aunt", ["姨妈"] = "Aunt", ["阿姨"] = "Aunt", ["监护人"] = "Guardian", ["其他"] = "Other",
        ["其他亲属"] = "Other relative", ["委托监护人"] = "Appointed guardian",
    };
}
