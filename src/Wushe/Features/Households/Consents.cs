namespace Wushe.Features.Households;

/// <summary>The consent rules read by pure functions (DOMAIN.md, Personal information; 个人信息保护法 §31).</summary>
public static class Consents
{
    /// <summary>Whether a guardian's consent to sensitive information is on record for the resident and not withdrawn.</summary>
    public static bool HasGuardianConsent(IEnumerable<Consent> consents, Guid residentId) =>
        consents.Any(c => c.ResidentId == residentId && c.ByGuardian && c.Scope == ConsentScope.Sensitive && c.WithdrawnOn is null);
}
