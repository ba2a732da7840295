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
}
