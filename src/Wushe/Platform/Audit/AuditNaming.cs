using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;

namespace Wushe.Platform.Audit;

/// <summary>
/// Names objects for the audit trail by their vocabulary's name parts: its own text (a station's
/// name) and the names of records it refers to (a purchase's station). Records referred to are
/// taken from the change tracker when there, else read by key across scopes (a name only).
/// </summary>
static class AuditNaming
{
    const string Separator = " · ";

    /// <summary>The names of tracked or loaded entities; null for one whose type names nothing.</summary>
    public static async Task<Dictionary<object, string?>> NameAsync(AppDb db, IReadOnlyList<object> entities, bool sync, CancellationToken ct)
    {
        var vocabulary = AuditVocabulary.Current;
        var wanted = new Dictionary<Type, HashSet<object>>();
        foreach (var e in entities)
            foreach (var part in vocabulary.Find(e.GetType())?.Naming ?? [])
                if (part is { Referenced: { } type, Key: { } key } && key(e) is { } k)
                    (wanted.TryGetValue(type, out var set) ? set : wanted[type] = []).Add(k);

        var found = new Dictionary<(Type, object), object>();
        if (wanted.Count > 0)
            foreach (var entry in db.ChangeTracker.Entries().Where(x => wanted.ContainsKey(x.Metadata.ClrType)))
                if (entry.Metadata.FindPrimaryKey()?.Properties is [var only] && entry.Property(only.Name).CurrentValue is { } k)
                    found.TryAdd((entry.Metadata.ClrType, k), entry.Entity);
        foreach (var (type, keys) in wanted)
        {
            var pk = db.Model.FindEntityType(type)?.FindPrimaryKey()?.Properties;
            if (pk is not [var key]) continue;
            var missing = keys.Where(k => !found.ContainsKey((type, k))).ToList();
            if (missing.Count == 0) continue;
            var getter = key.GetGetter();
            foreach (var loaded in await LoadAsync(db, type, key.Name, key.ClrType, missing, sync, ct))
                found.TryAdd((type, getter.GetClrValue(loaded)!), loaded);
        }

        var names = new Dictionary<object, string?>(ReferenceEqualityComparer.Instance);
        foreach (var e in entities)
        {
            var parts = vocabulary.Find(e.GetType())?.Naming ?? [];
            var text = parts.Select(p => p.Own is { } own ? own(e)
                    : p.Key?.Invoke(e) is { } k && found.TryGetValue((p.Referenced!, k), out var other) ? OwnName(other) : null)
                .Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
            names[e] = text.Count == 0 ? null : string.Join(Separator, text);
        }
        return names;
    }

    /// <summary>
    /// Display time: names of objects that records name by entity and key only (sign-ins, reveals
    /// written before names were captured), read as they are now.
    /// </summary>
    public static async Task<Dictionary<(string Entity, string Key), string>> FindNamesAsync(AppDb db, IEnumerable<(string Entity, string Key)> objects, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), string>();
        foreach (var group in objects.Distinct().GroupBy(o => o.Entity))
        {
            var type = AuditVocabulary.Current.Find(group.Key)?.ClrType;
            var pk = type is null ? null : db.Model.FindEntityType(type)?.FindPrimaryKey()?.Properties;
            if (type is null || pk is not [var key]) continue;
            var keys = group.Select(o => Parse(o.Key, key.ClrType)).OfType<object>().Distinct().ToList();
            if (keys.Count == 0) continue;
            var loaded = await LoadAsync(db, type, key.Name, key.ClrType, keys, sync: false, ct);
            var names = await NameAsync(db, loaded, sync: false, ct);
            var getter = key.GetGetter();
            foreach (var e in loaded)
                if (names.GetValueOrDefault(e) is { } name)
                    result[(group.Key, Convert.ToString(getter.GetClrValue(e), System.Globalization.CultureInfo.InvariantCulture)!)] = name;
        }
        return result;
    }

    static object? Parse(string key, Type type) =>
        type == typeof(Guid) ? (Guid.TryParse(key, out var g) ? g : null)
        : type == typeof(string) ? (key.Length > 0 ? key : null)
        : null;

    static string? OwnName(object entity)
    {
        var parts = AuditVocabulary.Current.Find(entity.GetType())?.Naming.Where(p => p.Own is not null).Select(p => p.Own!(entity))
            .Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return parts is { Count: > 0 } ? string.Join(Separator, parts) : null;
    }

    static readonly MethodInfo LoadMethod = typeof(AuditNaming).GetMethod(nameof(Load), BindingFlags.NonPublic | BindingFlags.Static)!;

    static Task<List<object>> LoadAsync(AppDb db, Type type, string keyName, Type keyType, List<object> keys, bool sync, CancellationToken ct) =>
        (Task<List<object>>)LoadMethod.MakeGenericMethod(type, keyType).Invoke(null, [db, keyName, keys, sync, ct])!;

    /// <summary>Reads records by key without tracking them, across scopes: their names only leave this class.</summary>
    static async Task<List<object>> Load<T, TKey>(AppDb db, string keyName, List<object> keys, bool sync, CancellationToken ct) where T : class
    {
        var typed = new Keys<TKey>(keys.Cast<TKey>().ToList());
        var e = Expression.Parameter(typeof(T), "e");
        var property = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TKey)], e, Expression.Constant(keyName));
        // The keys as a field of a constant, as a closure holds them: EF makes them a parameter, so the SQL (and its compiled query) is
        // the same for every save; a constant list was inlined as literals — a new SQL text, compiled anew, on every save.
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)],
            Expression.Field(Expression.Constant(typed), nameof(Keys<TKey>.List)), property);
        var query = db.Set<T>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(Expression.Lambda<Func<T, bool>>(contains, e));
        var rows = sync ? query.ToList() : await query.ToListAsync(ct);
        return rows.Cast<object>().ToList();
    }

    sealed class Keys<TKey>(List<TKey> list)
    {
        public readonly List<TKey> List = list;
    }
}
