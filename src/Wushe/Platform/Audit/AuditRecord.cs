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
}

public enum AuditOutcome
{
    Success = 1,
    Denied = 2,
    Failed = 3,
}

/// <summary>
/// Append-only: written in the same transaction as the change it records, never updated or
/// deleted through the application (AppDb refuses; PostgreSQL also has a trigger).
/// Holds field names, never field values, so no personal data leaks into the audit trail.
/// </summary>
public sealed class AuditRecord
{
    private AuditRecord() { Entity = EntityKey = ""; }

    public AuditRecord(DateTimeOffset at, CurrentUser actor, AuditAction action, string entity, string entityKey,
        string? fields = null, AuditOutcome outcome = AuditOutcome.Success, string? areaCode = null, string? reason = null)
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
    }

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
    public string? AreaCode { get; private set; }

    /// <summary>Why a sensitive value was revealed or an action denied.</summary>
    public string? Reason { get; private set; }
}
