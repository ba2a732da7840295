namespace Wushe.Platform.Access;

/// <summary>
/// A part of a record that is held by another area than the record's own, usually one above it:
/// a station's rating lies in the station's area (its self-assessment is the station's), but the
/// review in the city's round is the city's to give. <c>State</c> is the part's present content in
/// a canonical text form (null when the part is empty); the write guard compares it before and
/// after a change. The labels name the part in a refusal ("评审得分由毕节市负责…").
/// </summary>
public sealed record HeldPart(string Name, string HolderAreaCode, string LabelZh, string LabelEn, string? State);

/// <summary>
/// A record with parts held above its own area. The central write guard (<c>AppDb.GuardScope</c>)
/// refuses to create, change or delete a part whose holder's area the actor's scope does not cover,
/// even where the record itself lies in the actor's scope: records (and parts) kept above a user's
/// scope are read-only to that user (DESIGN.md, "Areas and access").
/// </summary>
public interface IHeldInParts : IAreaScoped
{
    /// <summary>Every held part with its holder; called on the record as it is and as it was loaded.</summary>
    IEnumerable<HeldPart> HeldParts();
}
