using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;

namespace Wushe.Data;

/// <summary>
/// The one model, built from every <c>IEntityTypeConfiguration</c> in the assembly: a feature declares its
/// entities in its own folder and reads them with <c>db.Set&lt;T&gt;()</c> (or a <c>DbSet</c> extension property
/// beside it, as <c>db.Areas</c>, <c>db.Stations</c>); nothing here names a feature's entity. Provider subclasses (SqliteAppDb, PostgresAppDb) only carry their own
/// migrations. Two central rules live here: the area scope filter on every IAreaScoped
/// entity, and the audit record written with every change.
/// </summary>
public abstract class AppDb : IdentityUserContext<User, Guid>, IDataProtectionKeyContext
{
    // Per lease, not per construction: AppDb is pooled (Database.AddWusheDatabase), so the scope that
    // rents it binds its actor source and clock (Bind), and returning it to the pool clears them.
    UserContext? users;
    CurrentUser? actingAs;
    TimeProvider clock = TimeProvider.System;

    // Pooling needs a constructor that takes the options only.
    protected AppDb(DbContextOptions options) : base(options) { }

    /// <summary>Binds a rented context to its service scope: who acts (read at use) and the clock.</summary>
    internal AppDb Bind(UserContext users, TimeProvider clock)
    {
        this.users = users;
        this.clock = clock;
        return this;
    }

    /// <summary>
    /// Names the actor of this context explicitly (a job, a tool, a benchmark), ahead of the scope's.
    /// <c>CurrentUser.System</c> sees everything: name it only for work that must.
    /// </summary>
    public AppDb ActingAs(CurrentUser actor)
    {
        actingAs = actor;
        return this;
    }

    /// <summary>
    /// The user this context acts for, read at use: the actor named with <see cref="ActingAs"/>, else the
    /// scope's (<see cref="UserContext"/>: the named job actor or the request's user). With neither it
    /// throws <see cref="NoActorException"/>: code without an actor sees nothing rather than everything.
    /// </summary>
    public CurrentUser Actor => actingAs ?? users?.Current ?? throw new NoActorException();

    // Read by the query filters; EF parameterises them per context instance.
    internal string ScopeLow => Actor.Scope.Low;
    internal string ScopeHigh => Actor.Scope.High;
    internal Guid? OrganizationActing => Actor.ActingOrganization;

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Platform.Files.StoredFile> StoredFiles => Set<Platform.Files.StoredFile>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly, t => !t.IsAbstract && t.Namespace?.StartsWith("Wushe", StringComparison.Ordinal) == true);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IAreaScoped).IsAssignableFrom(e.ClrType) && e.BaseType is null && !e.IsOwned()))
        {
            typeof(AppDb).GetMethod(nameof(AddScopeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType).Invoke(this, [builder, AreaScope.ColumnOf(entity.ClrType)]);
        }
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IOrganizationHeld).IsAssignableFrom(e.ClrType) && e.BaseType is null && !e.IsOwned()))
        {
            typeof(AppDb).GetMethod(nameof(AddOrganizationFilter), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }
        AreaCodeColumns.Apply(builder.Model, AreaCodeCollation);
    }

    /// <summary>The collation area codes need for byte-order ranges (PostgreSQL: "C"); null where the default already is.</summary>
    protected virtual string? AreaCodeCollation => null;

    void AddScopeFilter<T>(ModelBuilder builder, string column) where T : class
    {
        // One range, no OR: SQLite and PostgreSQL then serve it from an index on the area code (see Scope, AreaRange).
        var filter = AreaRange.Expand<T>(e => AreaRange.Within(EF.Property<string>(e, column), ScopeLow, ScopeHigh));
        builder.Entity<T>().HasQueryFilter(ScopeFilter, filter);
    }

    public const string ScopeFilter = "Scope";

    /// <summary>
    /// <see cref="ScopeFilter"/> as the list <c>IgnoreQueryFilters</c> takes, for use inside a query's lambdas (an expression tree
    /// takes no collection expression). Every source of a query that lifts the scope says so itself (<see cref="FilterLiftGuard"/>).
    /// </summary>
    public static readonly string[] Unscoped = [ScopeFilter];

    // Organization staff read their own organization's records only; for anyone else the parameter is null and EF drops the test.
    void AddOrganizationFilter<T>(ModelBuilder builder) where T : class, IOrganizationHeld =>
        builder.Entity<T>().HasQueryFilter(OrganizationFilter, e => OrganizationActing == null || e.OrganizationId == OrganizationActing);

    /// <summary>
    /// The filter on <see cref="IOrganizationHeld"/> records: organization staff read only their organization's. A named filter of
    /// its own, so that ignoring the area scope (<see cref="ScopeFilter"/>: a volunteer's own records, names read by id) keeps it.
    /// </summary>
    public const string OrganizationFilter = "Organization";

    /// <summary>Bulk imports write one summary audit record instead of one per row.</summary>
    internal bool SuppressEntityAudit { get; set; }

    // Back to the pool: nothing of this lease may reach the next (EF resets its own state). A leased context (bound) lets go of
    // SQLite's write gate too; the pool's own disposal at shutdown (unbound) touches nothing.
    public override void Dispose()
    {
        if (users is not null && this is SqliteAppDb) SqliteWriteGate.ReleaseOnReturn(this);
        Unbind();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        if (users is not null && this is SqliteAppDb) SqliteWriteGate.ReleaseOnReturn(this);
        Unbind();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    void Unbind()
    {
        users = null;
        actingAs = null;
        clock = TimeProvider.System;
        SuppressEntityAudit = false;
    }

    // Changes are detected once per save: EF would detect them again in Entries() and in its own save.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = DetectOnce();
        try
        {
            AddAuditRecordsAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally { ChangeTracker.AutoDetectChangesEnabled = detect; }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = DetectOnce();
        try
        {
            await AddAuditRecordsAsync(sync: false, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally { ChangeTracker.AutoDetectChangesEnabled = detect; }
    }

    /// <summary>Detects changes now and turns automatic detection off until the save ends; returns the setting to restore.</summary>
    bool DetectOnce()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return detect;
    }

    async Task AddAuditRecordsAsync(bool sync, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pending = new List<PendingAudit>();
        var all = ChangeTracker.Entries().ToList();
        var entries = all.Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        // Owned values (sealed phones, ID numbers) set, replaced or cleared, by their owner's key: a replaced value's old entry is no longer referenced.
        var owned = entries.Where(e => e.Metadata.IsOwned()).ToLookup(OwnerKey, e => e.Metadata.FindOwnership()!.PrincipalToDependent!.Name);
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditRecord audit)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("Audit records are append-only.");
                if (audit.Outcome != AuditOutcome.Success) users?.NoteSecurityEvent();
                continue;
            }
            if (!AuditVocabulary.Current.IsAudited(entry.Metadata.ClrType) || entry.Metadata.IsOwned()) continue;
            GuardScope(entry);
            if (SuppressEntityAudit) continue;
            if (Describe(entry, owned[KeyOf(entry)].Distinct().ToList()) is { } record) pending.Add(record);
        }
        // An owner whose only change is an owned value is itself Unchanged.
        if (owned.Count > 0 && !SuppressEntityAudit)
            foreach (var owner in all.Where(o => o.State == EntityState.Unchanged && !o.Metadata.IsOwned() && owned.Contains(KeyOf(o))))
            {
                GuardScope(owner);
                if (Describe(owner, owned[KeyOf(owner)].Distinct().ToList(), forceUpdate: true) is { } record) pending.Add(record);
            }
        if (pending.Count == 0) return;
        // Objects are named as they are now (a station's name, a user's display name): later renames do not rewrite history.
        var names = await AuditNaming.NameAsync(this, pending.Select(p => p.Entry.Entity).Distinct().ToList(), sync, ct);
        AuditRecords.AddRange(pending.Select(p => new AuditRecord(now, Actor, p.Action, p.Entry.Metadata.ClrType.Name, p.Key, p.Fields,
            areaCode: AreaOf(p.Entry), objectName: names.GetValueOrDefault(p.Entry.Entity), changes: AuditChange.Serialize(p.Changes))));
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
        var column = AreaScope.ColumnOf(entry.Metadata.ClrType);
        var original = entry.State is EntityState.Modified or EntityState.Deleted ? entry.OriginalValues[column] as string : null;
        if (!Actor.Scope.Covers(scoped.AreaCode) || (original is not null && !Actor.Scope.Covers(original)))
            throw new OutOfScopeException(entry.Metadata.ClrType.Name, EntityKeyOf(entry), scoped.AreaCode);
        // Organization staff change only what their organization holds (as it is, and as it was loaded).
        if (entry.Entity is IOrganizationHeld organizationHeld && Actor.ActingOrganization is { } acting
            && (organizationHeld.OrganizationId != acting
                || (entry.State is EntityState.Modified or EntityState.Deleted && entry.OriginalValues[nameof(IOrganizationHeld.OrganizationId)] as Guid? != acting)))
            throw new OutOfScopeException(entry.Metadata.ClrType.Name, EntityKeyOf(entry), scoped.AreaCode);
        if (entry.Entity is not IHeldInParts held) return;
        var before = entry.State == EntityState.Added ? []
            : ((IHeldInParts)entry.OriginalValues.ToObject()).HeldParts().ToDictionary(p => p.Name, p => p.State);
        foreach (var part in held.HeldParts())
        {
            var was = before.GetValueOrDefault(part.Name);
            var touched = entry.State == EntityState.Deleted ? (was ?? part.State) is not null : was != part.State;
            if (touched && !Actor.Scope.Covers(part.HolderAreaCode))
                throw new HeldAboveException(entry.Metadata.ClrType.Name, EntityKeyOf(entry), scoped.AreaCode, part);
        }
    }

    /// <summary>The record's key as the audit trail writes it (comma-separated key values).</summary>
    static string EntityKeyOf(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    /// <summary>The place a record belongs to: its scope's area, else its first area field (a user's home area, a role's area).</summary>
    static string? AreaOf(EntityEntry entry) =>
        (entry.Entity as IAreaScoped)?.AreaCode
        ?? AuditVocabulary.Current.Find(entry.Metadata.ClrType)?.Fields.Where(f => f.Kind == AuditFieldKind.Area)
            .Select(f => entry.Property(f.Property).CurrentValue as string).FirstOrDefault(code => !string.IsNullOrEmpty(code));

    static string KeyOf(EntityEntry entry) =>
        entry.Metadata.Name + "|" + string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    /// <summary>The key of an owned value's owner, in the form <see cref="KeyOf"/> gives the owner.</summary>
    static string OwnerKey(EntityEntry owned)
    {
        var ownership = owned.Metadata.FindOwnership()!;
        return ownership.PrincipalEntityType.Name + "|" + string.Join("|", ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue));
    }

    sealed record PendingAudit(EntityEntry Entry, AuditAction Action, string Key, string? Fields, IReadOnlyList<AuditChange> Changes);

    /// <summary>
    /// What changed, in the audit vocabulary's terms: on a create the values it was given, on an
    /// update each changed field with its old and new value. Values of sensitive fields, sealed
    /// values and fields nobody declared are never copied (the record says only that they changed).
    /// </summary>
    static PendingAudit? Describe(EntityEntry entry, List<string> ownedChanges, bool forceUpdate = false)
    {
        var keyProperties = entry.Metadata.FindPrimaryKey()!.Properties;
        var key = string.Join(',', keyProperties.Select(p => entry.Property(p.Name).CurrentValue));
        var vocabulary = AuditVocabulary.Current.Find(entry.Metadata.ClrType);
        switch (forceUpdate ? EntityState.Modified : entry.State)
        {
            case EntityState.Added:
                var initial = entry.Properties
                    .Where(p => !keyProperties.Contains(p.Metadata) && !p.Metadata.IsShadowProperty() && vocabulary?.Field(p.Metadata.Name) is { Copied: true, OnCreate: true } && !IsEmpty(p.CurrentValue))
                    .Select(p => new AuditChange(p.Metadata.Name, null, AuditValues.Invariant(p.CurrentValue)))
                    .Concat(ownedChanges.Select(n => new AuditChange(n, null, null, Hidden: true)))
                    .OrderBy(c => vocabulary?.Field(c.Field)?.Position ?? int.MaxValue)
                    .ToList();
                return new PendingAudit(entry, AuditAction.Create, key, null, initial);
            case EntityState.Deleted:
                return new PendingAudit(entry, AuditAction.Delete, key, null, []);
            case EntityState.Modified:
                // Identity's updates mark every column modified: name only the values that really changed.
                var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                    .Where(p => vocabulary?.IsIgnored(p.Metadata.Name) != true)
                    .Select(p => vocabulary?.Field(p.Metadata.Name) is { Copied: true }
                        ? new AuditChange(p.Metadata.Name, AuditValues.Invariant(p.OriginalValue), AuditValues.Invariant(p.CurrentValue))
                        : new AuditChange(p.Metadata.Name, null, null, Hidden: true))
                    .Concat(ownedChanges.Select(n => new AuditChange(n, null, null, Hidden: true)))
                    .DistinctBy(c => c.Field)
                    .OrderBy(c => vocabulary?.Field(c.Field)?.Position ?? int.MaxValue)
                    .ToList();
                if (changed.Count == 0) return null;
                var isState = changed.Any(c => vocabulary?.Field(c.Field)?.IsState ?? c.Field == "Status");
                return new PendingAudit(entry, isState ? AuditAction.StateChange : AuditAction.Update, key, string.Join(',', changed.Select(c => c.Field)), changed);
            default:
                return null;
        }
    }

    static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        decimal d => d == 0,
        _ => false,
    };
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
