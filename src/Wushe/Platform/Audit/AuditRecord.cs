using System.Text.Json;
using System.Text.Json.Serialization;
using Wushe.Platform.Access;

namespace Wushe.Platform.Audit;

public enum AuditAction
{
    Create = 1,
    Update = 2,
    StateChange = 3,
    Delete = 4,
    Reveal = 5,
    SignIn = 6,
    SignInFailed = 7,
    SignOut = 8,
    Import = 9,
    Export = 10,
    Denied = 11,
    /// <summary>A stored file of a sensitive record was downloaded (<see cref="Files.FileKind.AuditReads"/>).</summary>
    Download = 12,
}

public enum AuditOutcome
{
    Success = 1,
    Denied = 2,
    Failed = 3,
}

/// <summary>
/// One field's change as the audit trail keeps it: the field's code name and, for fields whose
/// values are copied (AuditVocabulary), the old and new values in an invariant form (enum names,
/// ISO dates, codes), formatted for people when shown. <see cref="Hidden"/> changes carry no value.
/// </summary>
public sealed record AuditChange(
    [property: JsonPropertyName("f")] string Field,
    [property: JsonPropertyName("o"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Old,
    [property: JsonPropertyName("n"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? New,
    [property: JsonPropertyName("h"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Hidden = false)
{
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Serialize(IReadOnlyList<AuditChange> changes) => changes.Count == 0 ? null : JsonSerializer.Serialize(changes, Json);

    /// <summary>The changes of a record; empty for records without them (or, defensively, with text that is not a list of changes).</summary>
    public static IReadOnlyList<AuditChange> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<AuditChange>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

/// <summary>
/// Append-only: written in the same transaction as the change it records, never updated or
/// deleted through the application (AppDb refuses; both databases have triggers).
/// Holds what people need to read it — the object's name, field names, old and new values of
/// fields that are not sensitive — and never a sealed value, a secret or free text that may name
/// residents (docs/decisions/0006-readable-audit-trail.md).
/// </summary>
public sealed class AuditRecord
{
    private AuditRecord() { Entity = EntityKey = ""; }

    public AuditRecord(DateTimeOffset at, CurrentUser actor, AuditAction action, string entity, string entityKey,
        string? fields = null, AuditOutcome outcome = AuditOutcome.Success, string? areaCode = null, string? reason = null,
        string? objectName = null, string? changes = null)
    {
        At = at;
        UserId = actor.Id;
        UserName = actor.UserName;
        Role = actor.Active?.Role;
        Origin = actor.Origin;
        Action = action;
        Entity = entity;
        EntityKey = entityKey;
        Fields = fields;
        Outcome = outcome;
        AreaCode = areaCode;
        Reason = reason;
        ObjectName = Cut(objectName, ObjectNameMax);
        Changes = changes;
    }

    public const int ObjectNameMax = 200;

    static string? Cut(string? text, int max) => text is { Length: > 0 } t ? (t.Length > max ? t[..(max - 1)] + "…" : t) : null;

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public Role? Role { get; private set; }
    public string? Origin { get; private set; }
    public AuditAction Action { get; private set; }
    public string Entity { get; private set; }
    public string EntityKey { get; private set; }

    /// <summary>Names of the changed fields, comma-separated.</summary>
    public string? Fields { get; private set; }
    public AuditOutcome Outcome { get; private set; }
    // Append-only and written with every change; searched by area only by the platform admin: no index.
    [AreaCodeColumn(Indexed = false)] public string? AreaCode { get; private set; }

    /// <summary>Why a sensitive value was revealed or an action denied.</summary>
    public string? Reason { get; private set; }

    /// <summary>The object's name when it was written (a station's name, a user's display name and user name), as people know it.</summary>
    public string? ObjectName { get; private set; }

    /// <summary>The changes as JSON: a list of <see cref="AuditChange"/>. Null for records without field changes.</summary>
    public string? Changes { get; private set; }
}
