using Wushe.Platform.Access;

namespace Wushe.Platform.Files;

/// <summary>
/// What a stored file is attached to, declared by the feature that owns the record (a case note's attachment, a station
/// check's evidence) and listed in its <see cref="Composition.IFeature.FileKinds"/>. A download is served only to a user who
/// holds <see cref="ReadBy"/> — the permission that reads the owning record — and whose scope covers the file's area (the
/// record's area: the file moves with its record); anyone else gets 404, as if the file did not exist.
/// <see cref="AuditReads"/>: every download is written to the audit log (files of vulnerable people's records:
/// DESIGN.md "Audit", 等保 2.0 access to personal information).
/// </summary>
/// <param name="Name">Stored in <see cref="StoredFile.Kind"/>; at most 40 ASCII characters, never renamed once files carry it.</param>
/// <param name="Reaches">For records read outside the user's scope (a project by its implementing organization's staff): whether the
/// user reaches the record of the file (by its id); it decides in place of the scope. Null: the scope decides.</param>
public sealed record FileKind(string Name, Permission ReadBy, bool AuditReads,
    Func<Data.AppDb, CurrentUser, Guid, CancellationToken, Task<bool>>? Reaches = null);
