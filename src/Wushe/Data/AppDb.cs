using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;

namespace Wushe.Data;

/// <summary>
/// The one model. Provider subclasses (SqliteAppDb, PostgresAppDb) only carry their own
/// migrations. Two central rules live here: the area scope filter on every IAreaScoped
/// entity, and the audit record written with every change.
/// </summary>
public abstract class AppDb : IdentityUserContext<User, Guid>, IDataProtectionKeyContext
{
    readonly UserContext users;
    readonly TimeProvider clock;

    protected AppDb(DbContextOptions options, UserContext users, TimeProvider clock) : base(options)
    {
        this.users = users;
        this.clock = clock;
    }

    /// <summary>The user this context acts for, read at use (see UserContext).</summary>
    public CurrentUser Actor => users.Current;


    // Read by the query filters; EF parameterises them per context instance.
    internal string ScopeLow => Actor.Scope.Low;
    internal string ScopeHigh => Actor.Scope.High;

    public DbSet<Area> Areas => Set<Area>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Features.Stations.Station> Stations => Set<Features.Stations.Station>();
    public DbSet<Platform.Files.StoredFile> StoredFiles => Set<Platform.Files.StoredFile>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly, t => !t.IsAbstract && t.Namespace?.StartsWith("Wushe", StringComparison.Ordinal) == true);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IAreaScoped).IsAssignableFrom(e.ClrType) && e.BaseType is null && !e.IsOwned()))
        {
            var column = entity.ClrType == typeof(Area) ? nameof(Area.Code) : nameof(IAreaScoped.AreaCode);
            typeof(AppDb).GetMethod(nameof(AddScopeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType).Invoke(this, [builder, column]);
        }
    }

    void AddScopeFilter<T>(ModelBuilder builder, string column) where T : class
    {
        // One range, no OR: SQLite and PostgreSQL then serve it from an index on the area code (see Scope).
        Expression<Func<T, bool>> filter = e =>
            string.Compare(EF.Property<string>(e, column), ScopeLow) >= 0 && string.Compare(EF.Property<string>(e, column), ScopeHigh) <= 0;
        builder.Entity<T>().HasQueryFilter(ScopeFilter, filter);
    }

    public const string ScopeFilter = "Scope";

    /// <summary>Bulk imports write one summary audit record instead of one per row.</summary>
    internal bool SuppressEntityAudit { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AddAuditRecords();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AddAuditRecords();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    void AddAuditRecords()
    {
        ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var records = new List<AuditRecord>();
        var entries = ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditRecord audit)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("Audit records are append-only.");
                if (audit.Outcome != AuditOutcome.Success) users.NoteSecurityEvent();
                continue;
            }
            if (entry.Entity is DataProtectionKey || entry.Metadata.IsOwned()) continue;
            GuardScope(entry);
            if (SuppressEntityAudit) continue;
            if (Describe(entry, now, OwnedChanges(entry, entries)) is { } record) records.Add(record);
        }
        // An owner whose only change is a replaced owned value (a new phone number) is itself Unchanged.
        foreach (var owned in entries.Where(e => e.Metadata.IsOwned() && e.State == EntityState.Added && !SuppressEntityAudit))
        {
            var ownership = owned.Metadata.FindOwnership()!;
            var owner = ChangeTracker.Entries().FirstOrDefault(o => o.State == EntityState.Unchanged && o.Metadata == ownership.PrincipalEntityType
                && o.References.Any(r => r.TargetEntry?.Entity == owned.Entity));
            if (owner is null) continue;
            GuardScope(owner);
            if (Describe(owner, now, OwnedChanges(owner, entries), forceUpdate: true) is { } record) records.Add(record);
        }
        AuditRecords.AddRange(records);
    }

    /// <summary>
    /// Records a security event at once: a refused write or reveal, with the actor, the record and why
    /// (never a value). Call it before changing anything, since it saves what this context tracks.
    /// </summary>
    public async Task RecordDeniedAsync(AuditAction action, string entity, string key, string? areaCode, string reason,
        AuditOutcome outcome = AuditOutcome.Denied, string? fields = null, CancellationToken ct = default)
    {
        AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), Actor, action, entity, key, fields, outcome, areaCode, reason));
        await SaveChangesAsync(ct);
    }

    /// <summary>
    /// The central write guard, on every save: a record outside the actor's scope (as it is, or as it was
    /// loaded) is refused as if it did not exist (<see cref="OutOfScopeException"/>, answered 404), and a
    /// part held above the actor's scope (<see cref="IHeldInParts"/>) may be read but not created, changed
    /// or deleted (<see cref="HeldAboveException"/>, answered 403). Both are audited as security events
    /// (<c>SecurityEvents</c>). Use cases may check first for a kinder message; this rule holds regardless.
    /// </summary>
    void GuardScope(EntityEntry entry)
    {
        if (entry.Entity is not IAreaScoped scoped) return;
        var column = entry.Metadata.ClrType == typeof(Area) ? nameof(Area.Code) : nameof(IAreaScoped.AreaCode);
        var original = entry.State is EntityState.Modified or EntityState.Deleted ? entry.OriginalValues[column] as string : null;
        if (!Actor.Scope.Covers(scoped.AreaCode) || (original is not null && !Actor.Scope.Covers(original)))
            throw new OutOfScopeException(entry.Metadata.ClrType.Name, KeyOf(entry), scoped.AreaCode);
        if (entry.Entity is not IHeldInParts held) return;
        var before = entry.State == EntityState.Added ? []
            : ((IHeldInParts)entry.OriginalValues.ToObject()).HeldParts().ToDictionary(p => p.Name, p => p.State);
        foreach (var part in held.HeldParts())
        {
            var was = before.GetValueOrDefault(part.Name);
            var touched = entry.State == EntityState.Deleted ? (was ?? part.State) is not null : was != part.State;
            if (touched && !Actor.Scope.Covers(part.HolderAreaCode))
                throw new HeldAboveException(entry.Metadata.ClrType.Name, KeyOf(entry), scoped.AreaCode, part);
        }
    }

    static string KeyOf(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    static List<string> OwnedChanges(EntityEntry owner, List<EntityEntry> changed) =>
        owner.References.Where(r => r.TargetEntry is { } t && changed.Contains(t) && t.Metadata.IsOwned()).Select(r => r.Metadata.Name).ToList();

    AuditRecord? Describe(EntityEntry entry, DateTimeOffset now, List<string> ownedChanges, bool forceUpdate = false)
    {
        var key = KeyOf(entry);
        var area = (entry.Entity as IAreaScoped)?.AreaCode;
        var name = entry.Metadata.ClrType.Name;
        switch (forceUpdate ? EntityState.Modified : entry.State)
        {
            case EntityState.Added:
                return new AuditRecord(now, Actor, AuditAction.Create, name, key, areaCode: area);
            case EntityState.Deleted:
                return new AuditRecord(now, Actor, AuditAction.Delete, name, key, areaCode: area);
            case EntityState.Modified:
                // Identity's updates mark every column modified: name only the values that really changed.
                var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name)
                    .Concat(ownedChanges).Distinct()
                    .Where(n => n is not (nameof(User.ConcurrencyStamp) or nameof(User.SecurityStamp)))
                    .ToList();
                if (changed.Count == 0) return null;
                var action = changed.Contains("Status") ? AuditAction.StateChange : AuditAction.Update;
                return new AuditRecord(now, Actor, action, name, key, string.Join(',', changed), areaCode: area);
            default:
                return null;
        }
    }
}

/// <summary>A write the central guard refused: the record, its key and area, and why (for the audit trail).</summary>
public abstract class ScopeRefusedException(string message, string entity, string key, string? areaCode) : Exception(message)
{
    public string Entity { get; } = entity;
    public string Key { get; } = key;
    public string? AreaCode { get; } = areaCode;
    public abstract string Reason { get; }
}

/// <summary>A change to a record outside the actor's scope: to the actor it does not exist (404).</summary>
public sealed class OutOfScopeException(string entity, string key, string? areaCode)
    : ScopeRefusedException($"A change to {entity} lies outside the user's area scope.", entity, key, areaCode)
{
    public override string Reason => "out of scope";
}

/// <summary>A change to a part of a visible record that an area above the actor's scope holds (403).</summary>
public sealed class HeldAboveException(string entity, string key, string? areaCode, HeldPart part)
    : ScopeRefusedException($"The {part.Name} of {entity} is held by {part.HolderAreaCode}, above the user's scope.", entity, key, areaCode)
{
    public HeldPart Part { get; } = part;
    public override string Reason => $"held above: {Part.Name} of {Part.HolderAreaCode}";
}
