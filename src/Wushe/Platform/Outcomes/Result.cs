using Wushe.Platform.Localization;

namespace Wushe.Platform.Outcomes;

public enum FailureKind
{
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
    TooManyRequests,
}

/// <summary>An expected failure, as a value: the API turns it into Problem Details, a page into inline messages.</summary>
public sealed record Failure(FailureKind Kind, string Title, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>
    /// Members the API adds to the Problem Details beside <c>errors</c> (RFC 9457 extension members), for a client to act on:
    /// e.g. <c>householdId</c> of the household that already holds a duplicate ID number, when it lies in the caller's scope.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>For <see cref="FailureKind.TooManyRequests"/>: when to try again (the Retry-After header).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Stable problem type per kind (RFC 9457 "type").</summary>
    public string Type => Kind switch
    {
        FailureKind.Invalid => "urn:wushe:problem:validation",
        FailureKind.NotFound => "urn:wushe:problem:not-found",
        FailureKind.Forbidden => "urn:wushe:problem:forbidden",
        FailureKind.TooManyRequests => "urn:wushe:problem:too-many-requests",
        _ => "urn:wushe:problem:conflict",
    };

    public static Failure NotFound() => new(FailureKind.NotFound, Lang.T("记录不存在或不在您的管辖范围内", "The record does not exist or lies outside your area"));

    /// <summary>
    /// A public read (no sign-in) of something that is not there or not published: 404 in the visitor's terms, naming what was asked for
    /// (<paramref name="title"/>: "该基金不存在或尚未公开"), never <see cref="NotFound"/>'s "your area" — an anonymous visitor has none.
    /// The feature words the title (Charity/PublicNotFound).
    /// </summary>
    public static Failure NotPublic(string title) => new(FailureKind.NotFound, title);

    public static Failure Forbidden(string? title = null) => new(FailureKind.Forbidden, title ?? Lang.T("没有操作权限", "You may not do this"));

    public static Failure Conflict(string title) => new(FailureKind.Conflict, title);

    /// <summary>Rate-limited (429): "操作过于频繁，请 N 分钟后再试", with the time to wait.</summary>
    public static Failure TooManyRequests(TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return new(FailureKind.TooManyRequests, Lang.T($"操作过于频繁，请 {minutes} 分钟后再试", $"Too many attempts; try again in {minutes} minute(s)")) { RetryAfter = retryAfter };
    }

    /// <summary>A duplicate of a natural key (a contract number, a user name): 409 naming the field, shown beside it on pages.</summary>
    public static Failure Duplicate(string field, string message) => Duplicate(new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Duplicate(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Conflict, Lang.T("与已有记录重复", "This duplicates an existing record"), errors);

    public static Failure Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Invalid, Lang.T("提交的数据不正确", "The submitted data is not valid"), errors);
}

/// <summary>The outcome of a use case: a value or a failure.</summary>
public readonly record struct Result<T>
{
    Result(T? value, Failure? failure) { Value = value; Failure = failure; }

    public T? Value { get; }
    public Failure? Failure { get; }
    public bool IsOk => Failure is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}

/// <summary>Collects field errors while a request is validated.</summary>
public sealed class Errors
{
    readonly Dictionary<string, List<string>> errors = [];
    readonly HashSet<string> duplicates = [];
    readonly Dictionary<string, object?> extensions = [];

    /// <summary>An extension member of the failure (<see cref="Failure.Extensions"/>); the first value given for a name stays.</summary>
    public Errors Extend(string name, object? value)
    {
        extensions.TryAdd(name, value);
        return this;
    }

    public bool Any => errors.Count > 0;

    /// <summary>Whether the field has an error already (a later check that needs a well-formed value skips it).</summary>
    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>Whether the field's error is a duplicate of a natural key (<see cref="Duplicate"/>).</summary>
    public bool IsDuplicate(string field) => duplicates.Contains(field);

    /// <summary>A field whose value another record already holds (a natural key): alone, such errors answer 409 rather than 400.</summary>
    public Errors Duplicate(string field, string message)
    {
        duplicates.Add(field);
        return Add(field, message);
    }

    public Errors Add(string field, string? message)
    {
        if (message is null) return this;
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>
    /// Text with a length limit (UI.md): "姓名不能为空"; a text with a real minimum, "姓名长度必须介于 2 和 20 之间"; a text whose only
    /// limit is its maximum (min 0 or 1), "生活状况不能超过 1000 字" (<see cref="TooLong"/>) — never "介于 0 和 1000".
    /// </summary>
    public Errors Text(string field, string? value, string labelZh, string labelEn, int min, int max, bool required = true)
    {
        // Control characters and direction overrides are never text a person typed (Validation.Invisible); zero-width ones do not count.
        if (Validation.Invisible.Refused(value)) return Add(field, Validation.Invisible.Message(labelZh, labelEn));
        if (string.IsNullOrWhiteSpace(value) || Validation.Invisible.VisibleLength(value) == 0)
            return required ? Add(field, Lang.T($"{labelZh}不能为空", $"{labelEn} is required")) : this;
        // The least counts what shows; the most counts what is stored (the trimmed text, zero-width characters and all).
        var (shown, n) = (Validation.Invisible.VisibleLength(value), value.Trim().Length);
        if (min <= 1 && n > max) Add(field, TooLong(labelZh, labelEn, max));
        else if (shown < min || n > max)
            Add(field, Lang.T($"{labelZh}长度必须介于 {min} 和 {max} 之间", $"{labelEn} must be between {min} and {max} characters long"));
        return this;
    }

    /// <summary>
    /// A person's name: <see cref="Text"/>, beginning with a letter (any script) and holding only letters, digits, the middle dot of
    /// minority and foreign names (·), dots, hyphens and spaces — so that no formula (=, +, -, @) or markup comes in as a name.
    /// </summary>
    public Errors PersonName(string field, string? value, int min, int max)
    {
        Text(field, value, "姓名", "Name", min, max);
        if (Has(field) || value is null) return this;
        var name = value.Trim();
        if (!char.IsLetter(name[0]) || !name.All(c => char.IsLetterOrDigit(c) || c is '·' or '•' or '・' or '.' or '-' or ' '))
            Add(field, Lang.T("姓名应以文字开头，只能包含文字、数字、间隔号（·）、点、连字符和空格", "A name begins with a letter and holds letters, digits, middle dots, dots, hyphens and spaces only"));
        return this;
    }

    /// <summary>"生活状况不能超过 1000 字": a text longer than its maximum, where any shorter one would do.</summary>
    public static string TooLong(string labelZh, string labelEn, int max) =>
        Lang.T($"{labelZh}不能超过 {max} 字", $"{labelEn} cannot be longer than {max} characters");

    /// <summary>400 with every message; 409 when the only problems are duplicates of natural keys.</summary>
    public Failure ToFailure()
    {
        var all = errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
        var failure = errors.Keys.All(duplicates.Contains) ? Failure.Duplicate(all) : Failure.Invalid(all);
        return extensions.Count > 0 ? failure with { Extensions = new Dictionary<string, object?>(extensions) } : failure;
    }
}
