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
            if (entry.Entity is AuditRecord)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("Audit records are append-only.");
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

    /// <summary>The write-side safety net: handlers check scope first and answer 404/403; reaching here is a bug.</summary>
    void GuardScope(EntityEntry entry)
    {
        if (entry.Entity is not IAreaScoped scoped) return;
        var original = entry.State == EntityState.Modified ? entry.OriginalValues[entry.Metadata.ClrType == typeof(Area) ? nameof(Area.Code) : nameof(IAreaScoped.AreaCode)] as string : null;
        if (!Actor.Scope.Covers(scoped.AreaCode) || (original is not null && !Actor.Scope.Covers(original)))
            throw new OutOfScopeException(entry.Metadata.ClrType.Name);
    }

    static List<string> OwnedChanges(EntityEntry owner, List<EntityEntry> changed) =>
        owner.References.Where(r => r.TargetEntry is { } t && changed.Contains(t) && t.Metadata.IsOwned()).Select(r => r.Metadata.Name).ToList();

    AuditRecord? Describe(EntityEntry entry, DateTimeOffset now, List<string> ownedChanges, bool forceUpdate = false)
    {
        var key = string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
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

public sealed class OutOfScopeException(string entity) : Exception($"A change to {entity} lies outside the user's area scope.");
