namespace Wushe.Features.Volunteers;

/// <summary>
/// What the fields partial (<c>_Fields.cshtml</c>) shows: the request being filled; when editing, the masked values the form does not
/// send back (the ID cannot change; an empty phone box keeps nothing — the phone is required); on the public page, the community
/// named by its QR code.
/// </summary>
public sealed record VolunteerFields(VolunteerForm.Request Input, bool Public = false, bool Editing = false, string? IdMasked = null,
    string? PhoneMasked = null, string? GuardianPhoneMasked = null, string? CommunityPath = null);
