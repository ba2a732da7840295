using System.Linq.Expressions;
using System.Reflection;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Platform.Audit;

/// <summary>
/// Declares, once per feature, how its records read in the audit log: the entity's name, each
/// field's name, which values are never copied, how the object is named, and the labels of its
/// enums. Implementations are found at start (any non-abstract class in the app); a test walks
/// the EF model and fails for an entity, field or enum a feature forgot (docs/decisions/0006).
/// </summary>
public interface IAuditVocabulary
{
    void Describe(AuditVocabulary vocabulary);
}

/// <summary>How a field's values enter the audit trail and how they are shown.</summary>
public enum AuditFieldKind
{
    /// <summary>Copied; shown as text, a date, 是/否 or the enum's label by its type.</summary>
    Value = 1,

    /// <summary>Never copied: the record says only that it changed (sealed values, secrets, free text that may name people).</summary>
    Sensitive = 2,

    /// <summary>A 12-digit area code: copied, shown as the area's name.</summary>
    Area = 3,

    /// <summary>Whole fen: copied, shown as yuan (¥1,234.50).</summary>
    Money = 4,

    /// <summary>An identifier of another record, or a structured value (a list): only that it changed.</summary>
    Reference = 5,
}

/// <summary>One named field of an audited entity.</summary>
public sealed record AuditField(string Property, string Zh, string En, AuditFieldKind Kind, bool IsState, Type ClrType, int Position, bool OnCreate = true)
{
    public string Label => Lang.T(Zh, En);

    /// <summary>True when values of this field are copied into audit records.</summary>
    public bool Copied => Kind is AuditFieldKind.Value or AuditFieldKind.Area or AuditFieldKind.Money;
}

/// <summary>One part of an object's audit name: text of the record itself, or the name of a record it refers to.</summary>
public sealed record AuditNamePart(Func<object, string?>? Own, Type? Referenced, Func<object, object?>? Key);

/// <summary>An audited entity type: its names, fields and how its objects are named.</summary>
public sealed class AuditEntity(Type clrType, string zh, string en)
{
    internal readonly Dictionary<string, AuditField> FieldsByName = new(StringComparer.Ordinal);
    internal readonly HashSet<string> IgnoredFields = new(StringComparer.Ordinal);
    internal readonly List<AuditNamePart> NameParts = [];

    public Type ClrType { get; } = clrType;
    public string Name => ClrType.Name;
    public string Zh { get; } = zh;
    public string En { get; } = en;
    public string Label => Lang.T(Zh, En);

    public IReadOnlyCollection<AuditField> Fields => FieldsByName.Values;
    public IReadOnlyCollection<string> Ignored => IgnoredFields;
    public IReadOnlyList<AuditNamePart> Naming => NameParts;

    public AuditField? Field(string property) =>
        FieldsByName.TryGetValue(property, out var f) ? f
        : FieldsByName.Values.FirstOrDefault(x => string.Equals(x.Property, property, StringComparison.OrdinalIgnoreCase));

    public bool IsIgnored(string property) => IgnoredFields.Contains(property);
}

/// <summary>The fluent declaration of one entity (see <see cref="AuditVocabulary.Entity{T}"/>).</summary>
public sealed class AuditEntityBuilder<T>(AuditEntity entity) where T : class
{
    /// <summary>
    /// A field whose values are copied (text, numbers, dates, yes/no, enums); <paramref name="state"/> marks a status whose
    /// change is a 状态变更; <paramref name="onCreate"/> false leaves a setting every new record has out of the create's list.
    /// </summary>
    public AuditEntityBuilder<T> Field<TValue>(Expression<Func<T, TValue>> property, string zh, string en, bool state = false, bool onCreate = true) =>
        Add(property, zh, en, typeof(TValue) == typeof(SealedValue) ? AuditFieldKind.Sensitive : KindOf(typeof(TValue)), state, onCreate);

    /// <summary>A field whose values are never copied: the record says only that it changed.</summary>
    public AuditEntityBuilder<T> Sensitive<TValue>(Expression<Func<T, TValue>> property, string zh, string en) =>
        Add(property, zh, en, AuditFieldKind.Sensitive, false);

    /// <summary>A 12-digit area code, shown as the area's name.</summary>
    public AuditEntityBuilder<T> Area(Expression<Func<T, string?>> property, string zh, string en) =>
        Add(property, zh, en, AuditFieldKind.Area, false);

    /// <summary>An amount in whole fen, shown as yuan.</summary>
    public AuditEntityBuilder<T> Money(Expression<Func<T, long>> property, string zh, string en) =>
        Add(property, zh, en, AuditFieldKind.Money, false);

    /// <summary>Technical fields people need not see (concurrency tokens, normalised copies, roll-ups, record times).</summary>
    public AuditEntityBuilder<T> Ignore(params Expression<Func<T, object?>>[] properties)
    {
        foreach (var p in properties) entity.IgnoredFields.Add(MemberName(p));
        return this;
    }

    /// <summary>A part of the object's name taken from the record itself (never a sealed value).</summary>
    public AuditEntityBuilder<T> Name(Func<T, string?> own)
    {
        entity.NameParts.Add(new AuditNamePart(o => own((T)o), null, null));
        return this;
    }

    /// <summary>A part of the object's name that is the name of another record (a purchase's station, a staff member's user).</summary>
    public AuditEntityBuilder<T> NameOf<TOther>(Func<T, object?> key) where TOther : class
    {
        entity.NameParts.Add(new AuditNamePart(null, typeof(TOther), o => key((T)o)));
        return this;
    }

    AuditEntityBuilder<T> Add(LambdaExpression property, string zh, string en, AuditFieldKind kind, bool state, bool onCreate = true)
    {
        var name = MemberName(property);
        var type = property.Body is MemberExpression m ? (m.Member as PropertyInfo)?.PropertyType ?? property.ReturnType : property.ReturnType;
        // A sealed value is never copied, whatever the declaration says; so is anything that is not a plain value.
        if (type == typeof(SealedValue)) kind = AuditFieldKind.Sensitive;
        else if (kind == AuditFieldKind.Value && KindOf(type) == AuditFieldKind.Reference) kind = AuditFieldKind.Reference;
        entity.FieldsByName[name] = new AuditField(name, zh, en, kind, state, type, entity.FieldsByName.Count, onCreate);
        return this;
    }

    static AuditFieldKind KindOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsEnum || t == typeof(bool) || t == typeof(int) || t == typeof(long) || t == typeof(decimal)
            || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(TimeOnly)
            ? AuditFieldKind.Value
            : AuditFieldKind.Reference;
    }

    static string MemberName(LambdaExpression e) => (e.Body is UnaryExpression { Operand: MemberExpression u } ? u : e.Body as MemberExpression)?.Member.Name
        ?? throw new ArgumentException($"Expected a property of {typeof(T).Name}: {e}");
}

/// <summary>
/// Every feature's audit vocabulary, gathered once. Read by the audit writer (AppDb) when it
/// captures a change and by the audit log when it shows one.
/// </summary>
public sealed class AuditVocabulary
{
    readonly Dictionary<Type, AuditEntity> entities = [];
    readonly Dictionary<string, AuditEntity> byName = new(StringComparer.Ordinal);
    readonly Dictionary<Type, Func<object, string>> enums = [];
    readonly HashSet<Type> notAudited = [];

    static readonly Lazy<AuditVocabulary> All = new(() =>
    {
        var v = new AuditVocabulary();
        foreach (var type in typeof(AuditVocabulary).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAuditVocabulary).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
            ((IAuditVocabulary)Activator.CreateInstance(type, nonPublic: true)!).Describe(v);
        return v;
    });

    /// <summary>The vocabulary of the whole app.</summary>
    public static AuditVocabulary Current => All.Value;

    public AuditEntityBuilder<T> Entity<T>(string zh, string en) where T : class
    {
        var entity = new AuditEntity(typeof(T), zh, en);
        entities[typeof(T)] = entity;
        byName[entity.Name] = entity;
        return new AuditEntityBuilder<T>(entity);
    }

    /// <summary>Labels of an enum's values: the feature's own label function, so the log and the pages say the same.</summary>
    public void Enum<TEnum>(Func<TEnum, string> label) where TEnum : struct, Enum => enums[typeof(TEnum)] = v => label((TEnum)v);

    /// <summary>Infrastructure tables whose rows are not audited (keys, the audit trail itself, idempotency records).</summary>
    public void NotAudited<T>() => notAudited.Add(typeof(T));

    readonly Dictionary<string, (string Zh, string En)> unauditedNames = [];

    /// <summary>
    /// Rows not audited one by one (derived in another record's transaction) that explicit records still name — an export of
    /// the service records: their name for people, so the log never shows a code name ("ServiceRecord").
    /// </summary>
    public void NotAudited<T>(string zh, string en)
    {
        notAudited.Add(typeof(T));
        unauditedNames[typeof(T).Name] = (zh, en);
    }

    public IReadOnlyCollection<AuditEntity> Entities => entities.Values;

    public bool IsAudited(Type clrType) => !notAudited.Contains(clrType);

    public AuditEntity? Find(Type clrType) => entities.GetValueOrDefault(clrType);

    /// <summary>By the entity name stored in audit records (the CLR type's name).</summary>
    public AuditEntity? Find(string? entityName) => entityName is null ? null : byName.GetValueOrDefault(entityName);

    public bool HasEnumLabels(Type enumType) => enums.ContainsKey(Nullable.GetUnderlyingType(enumType) ?? enumType);

    /// <summary>The label of an enum value; its code name when the enum has no labels.</summary>
    public string EnumLabel(Type enumType, object value)
    {
        var t = Nullable.GetUnderlyingType(enumType) ?? enumType;
        if (!enums.TryGetValue(t, out var label)) return value.ToString() ?? "";
        var text = label(value);
        return string.IsNullOrEmpty(text) ? value.ToString() ?? "" : text;
    }

    /// <summary>Entity name for people: the declared label, or the code name of something undeclared.</summary>
    public string EntityLabel(string entityName) =>
        Find(entityName)?.Label ?? (unauditedNames.TryGetValue(entityName, out var n) ? Lang.T(n.Zh, n.En) : entityName);

    /// <summary>
    /// The name for people of a field an explicit record names (a reveal's "Phone"): the entity's own field, else the same field of
    /// another entity (first by entity name) — a case's reveal names its client's field; null when no entity declares it.
    /// </summary>
    public string? FieldLabel(string? entityName, string field) =>
        Find(entityName)?.Field(field)?.Label
        ?? entities.Values.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => e.Field(field)).FirstOrDefault(f => f is not null)?.Label;
}
