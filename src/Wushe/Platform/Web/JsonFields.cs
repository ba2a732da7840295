using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Web;

/// <summary>
/// Every bad field of a JSON body in one answer (DONE.md 3, "names every field"). System.Text.Json stops at the first value that
/// does not parse (an enum "X", a date "12a"); the API then reads the body again (<see cref="UseJsonBodyBuffering"/> keeps it)
/// and tries each value against its property's type, naming every one that does not parse; the values that did are then
/// checked by the use case's own pure rules — the static <c>Validate(Request)</c>, <c>Validate(Request, DateOnly today)</c> or
/// <c>Validate(Request, TimeProvider)</c> of the class declaring the request record, the one its <c>Handle</c> runs first (or the
/// body's own <c>Validate(Errors, DateOnly today)</c>, as <c>ResidentFields</c> has) —
/// with the unparsed values left out, so a body with a bad enum, a bad date and a too-long name gets three errors at once.
/// A use case whose rules read the record the route names (a card colour is one of the household's scheme) declares them as
/// <c>static Task&lt;Errors&gt; ValidateAsync(Request, DateOnly today, AppDb db, Guid id)</c> (the route's <c>{id}</c>), which
/// is then run instead of <c>Validate</c>. A field that did not parse keeps only its parse error.
/// </summary>
public static class JsonFields
{
    /// <summary>Keeps JSON request bodies of the API readable after binding (in memory up to 30 kB, then a temporary file).</summary>
    public static IApplicationBuilder UseJsonBodyBuffering(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        if (ctx.Request.HasJsonContentType()) ctx.Request.EnableBuffering();
        return next(ctx);
    });

    /// <summary>
    /// Every field of the body of <paramref name="bodyType"/> that does not parse (message by <paramref name="messageOf"/>), plus
    /// the use case's rule errors of the others; null when the body cannot be read again or is not JSON at all.
    /// </summary>
    public static async Task<Dictionary<string, string[]>?> AllErrorsAsync(HttpContext http, Type bodyType, Func<string, string> messageOf)
    {
        if (!http.Request.Body.CanSeek) return null;
        JsonNode? root;
        try
        {
            http.Request.Body.Position = 0;
            root = await JsonNode.ParseAsync(http.Request.Body);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
        if (root is null) return null;
        // A body naming one field twice ({"to":"Bogus","to":"Accepted"}) is not read field by field (a JsonObject refuses the
        // second name when walked): the caller answers with the plain 400 of a body that does not parse.
        if (HasDuplicateNames(root)) return null;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var errors = new Dictionary<string, List<string>>();
        var bad = new List<JsonNode>();
        Walk(root, bodyType, "", options, errors, bad, messageOf);
        if (errors.Count == 0) return null;

        // The rest of the body, the unparsed values left out, through the use case's own rules.
        foreach (var node in bad)
            switch (node.Parent)
            {
                case JsonObject o: o.Remove(o.First(p => ReferenceEquals(p.Value, node)).Key); break;
                case JsonArray a: a[a.IndexOf(node)] = null; break;
            }
        if (await RulesAsync(http, bodyType, root, options) is { } rules)
            foreach (var (field, messages) in rules)
                if (!errors.ContainsKey(field) && !errors.Keys.Any(k => field.StartsWith(k + ".", StringComparison.Ordinal) || field.StartsWith(k + "[", StringComparison.Ordinal)))
                    errors[field] = [.. messages];
        return errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray());
    }

    static bool HasDuplicateNames(JsonNode node)
    {
        try
        {
            switch (node)
            {
                case JsonObject o: return o.ToList().Any(p => p.Value is not null && HasDuplicateNames(p.Value));
                case JsonArray a: return a.Any(x => x is not null && HasDuplicateNames(x));
                default: return false;
            }
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    static void Walk(JsonNode? node, Type type, string path, JsonSerializerOptions options, Dictionary<string, List<string>> errors, List<JsonNode> bad,
        Func<string, string> messageOf)
    {
        if (node is null || TryDeserialize(node, type, options, out _)) return;
        var clr = Nullable.GetUnderlyingType(type) ?? type;
        if (node is JsonObject obj && clr.Namespace?.StartsWith("Wushe", StringComparison.Ordinal) == true && !clr.IsEnum)
        {
            var before = errors.Count;
            foreach (var (name, value) in obj.ToList())
            {
                var property = clr.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                var field = path.Length == 0 ? name : path + "." + name;
                if (property is null)
                {
                    Add(errors, field, Localization.Lang.T($"{name} 不能修改，或不是本操作的字段", $"{name} cannot be changed, or is not a field of this operation"));
                    if (value is not null) bad.Add(value);
                    continue;
                }
                Walk(value, property.PropertyType, field, options, errors, bad, messageOf);
            }
            if (errors.Count == before && path.Length > 0) Leaf(node, path, errors, bad, messageOf);
            return;
        }
        // A dictionary's entries are named by their keys ("scores.basics").
        if (node is JsonObject entries && clr.IsGenericType && (clr.GetGenericTypeDefinition() == typeof(Dictionary<,>) || clr.GetGenericTypeDefinition() == typeof(IDictionary<,>) || clr.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) && clr.GetGenericArguments() is [var key, var valueType]
            && key == typeof(string))
        {
            var before = errors.Count;
            foreach (var (name, value) in entries.ToList()) Walk(value, valueType, path.Length == 0 ? name : path + "." + name, options, errors, bad, messageOf);
            if (errors.Count == before) Leaf(node, path, errors, bad, messageOf);
            return;
        }
        if (node is JsonArray array && ElementType(clr) is { } item)
        {
            var before = errors.Count;
            for (var i = 0; i < array.Count; i++) Walk(array[i], item, $"{path}[{i}]", options, errors, bad, messageOf);
            if (errors.Count == before) Leaf(node, path, errors, bad, messageOf);
            return;
        }
        Leaf(node, path, errors, bad, messageOf);
    }

    static void Leaf(JsonNode node, string path, Dictionary<string, List<string>> errors, List<JsonNode> bad, Func<string, string> messageOf)
    {
        // "members[0].tags[2]" is named as the list "members[0].tags", as the use cases name it.
        var field = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]$", "");
        Add(errors, field, messageOf(field));
        bad.Add(node);
    }

    static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>
    /// <paramref name="node"/> read as <paramref name="type"/> (the API's serializer options): true with the value (null for a
    /// JSON null), or false when a value does not parse — the failures System.Text.Json and a record's constructor raise for
    /// a bad value (JsonException, NotSupportedException, InvalidOperationException, FormatException, ArgumentException); any
    /// other exception is a bug and is thrown.
    /// </summary>
    static bool TryDeserialize(JsonNode node, Type type, JsonSerializerOptions options, out object? value)
    {
        try
        {
            value = node.Deserialize(type, options);
            return true;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            value = null;
            return false;
        }
    }

    static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        return type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? item : null;
    }

    /// <summary>The use case's pure rules over the parsed rest of the body (see the class summary); null when it has none or the rest does not bind.</summary>
    static async Task<IReadOnlyDictionary<string, string[]>?> RulesAsync(HttpContext http, Type bodyType, JsonNode rest, JsonSerializerOptions options)
    {
        // The rules that read the record named by the route (see the class summary).
        if (bodyType.DeclaringType?.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m => m.Name == "ValidateAsync"
                && m.GetParameters() is [var r, var d, var db, var id] && r.ParameterType == bodyType && d.ParameterType == typeof(DateOnly)
                && db.ParameterType == typeof(Data.AppDb) && id.ParameterType == typeof(Guid) && m.ReturnType == typeof(Task<Errors>)) is { } reading
            && (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.RouteValues ?? http.Request.RouteValues)
                .TryGetValue("id", out var routeId) && Guid.TryParse(routeId?.ToString(), out var recordId))
        {
            if (!TryDeserialize(rest, bodyType, options, out var body) || body is null) return null;
            var today = ChinaTime.Today(http.RequestServices.GetRequiredService<TimeProvider>());
            var found = await (Task<Errors>)reading.Invoke(null, [body, today, http.RequestServices.GetRequiredService<Data.AppDb>(), recordId])!;
            return found.ToFailure().Errors;
        }
        return Rules(http, bodyType, rest, options);
    }

    static IReadOnlyDictionary<string, string[]>? Rules(HttpContext http, Type bodyType, JsonNode rest, JsonSerializerOptions options)
    {
        if (!TryDeserialize(rest, bodyType, options, out var request) || request is null) return null;
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        // A body that carries its own rules (ResidentFields: Validate(Errors, DateOnly today, optional…)).
        if (bodyType.GetMethods(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(m => m.Name == "Validate" && m.GetParameters() is [var e, var d, .. var rest]
                && e.ParameterType == typeof(Errors) && d.ParameterType == typeof(DateOnly) && rest.All(r => r.IsOptional)) is { } own)
            return own.Invoke(request, [new Errors(), ChinaTime.Today(clock), .. own.GetParameters().Skip(2).Select(_ => Type.Missing)]) is Errors found
                ? found.ToFailure().Errors : null;
        if (bodyType.DeclaringType is not { } useCase) return null;
        foreach (var method in useCase.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == "Validate"))
        {
            var parameters = method.GetParameters();
            if (parameters.Length == 0 || parameters[0].ParameterType != bodyType) continue;
            object?[]? args = parameters.Length switch
            {
                1 => [request],
                2 when parameters[1].ParameterType == typeof(DateOnly) => [request, ChinaTime.Today(clock)],
                2 when parameters[1].ParameterType == typeof(TimeProvider) => [request, clock],
                _ => null,
            };
            if (args is null) continue;
            return method.Invoke(null, args) switch
            {
                Errors e => e.ToFailure().Errors,
                IReadOnlyDictionary<string, string[]> d => d,
                _ => null,
            };
        }
        return null;
    }
}
