namespace Wushe.Features.Households;

/// <summary>The consent rules read by pure functions (DOMAIN.md, Personal information; 个人信息保护法 §31).</summary>
public static class Consents
{
    /// <summary>
    /// Whether a guardian's consent to sensitive information is on record for the resident, not withdrawn, and given by the
    /// guardian on record (<paramref name="guardianName"/>, compared trimmed): a consent of a former guardian, or of someone
    /// else who ticked "by the guardian", does not count.
    /// </summary>
    public static bool HasGuardianConsent(IEnumerable<Consent> consents, Guid residentId, string? guardianName) =>
        consents.Any(c => Counts(c, residentId, guardianName));

    /// <summary>Whether this one consent is a guardian's consent in force for the resident (<see cref="HasGuardianConsent"/>).</summary>
    public static bool Counts(Consent c, Guid residentId, string? guardianName) =>
        c.ResidentId == residentId && c.ByGuardian && c.Scope == ConsentScope.Sensitive && c.WithdrawnOn is null
        && !string.IsNullOrWhiteSpace(guardianName) && string.Equals(c.ConsentedBy.Trim(), guardianName.Trim(), StringComparison.Ordinal);
}
