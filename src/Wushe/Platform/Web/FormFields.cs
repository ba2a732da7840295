using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Web;

/// <summary>
/// API operations that take a form (multipart, with an evidence file) refuse a field they do not take, naming it,
/// as JSON bodies do (<c>JsonUnmappedMemberHandling.Disallow</c>): a misspelt field is an error, never silently
/// ignored. The fields an operation takes are read from its handler: its <c>[FromForm]</c> record's properties and
/// its <see cref="IFormFile"/> parameters.
/// </summary>
public static class FormFields
{
    static readonly ConcurrentDictionary<MethodInfo, HashSet<string>?> Taken = new();

    public static TBuilder RefusingUnknownFormFields<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!http.Request.HasFormContentType || http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } method
                || Taken.GetOrAdd(method, Of) is not { } taken) return await next(context);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var unknown = form.Keys.Concat(form.Files.Select(f => f.Name)).Where(k => !taken.Contains(k)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (unknown.Count == 0) return await next(context);
            return Http.Problem(Failure.Invalid(unknown.ToDictionary(k => k, k => new[] { Localization.Lang.T($"不接受字段“{k}”", $"The field \"{k}\" is not accepted") })));
        });

    /// <summary>The form fields a handler takes, or null when it takes no form.</summary>
    static HashSet<string>? Of(MethodInfo method)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var takesForm = false;
        foreach (var p in method.GetParameters())
        {
            if (p.ParameterType == typeof(IFormFile)) { names.Add(p.Name!); takesForm = true; }
            else if (p.GetCustomAttribute<FromFormAttribute>() is not null)
            {
                takesForm = true;
                if (p.ParameterType == typeof(string) || p.ParameterType.IsValueType) names.Add(p.Name!);
                else foreach (var property in p.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)) names.Add(property.Name);
            }
        }
        return takesForm ? names : null;
    }
}
