using Wushe.Platform.Validation;

namespace Wushe.Platform.Web;

/// <summary>
/// A query value (a list's keyword, a search) holding characters <see cref="Invisible"/> refuses: 400 naming the parameter, for
/// pages and the API alike (<see cref="KnownExceptions.ClassifyAsync"/>), before it reaches a query — PostgreSQL refuses NUL
/// outright (a 500), SQLite would search for it. Bodies are checked where their text is (<see cref="Outcomes.Errors.Text"/>);
/// a form with such a value cannot be read at all (<see cref="InvalidDataException"/> from the form reader, also a 400).
/// </summary>
public sealed class InvisibleInputException(string field) : Exception("A request value holds invisible control characters.")
{
    /// <summary>The parameter (its name as sent).</summary>
    public string Field { get; } = field;
}

public static class InvisibleInput
{
    /// <summary>Refuses, before the endpoint runs, a request whose query names or values hold refused characters.</summary>
    public static IApplicationBuilder UseInvisibleQueryGuard(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        // The error page re-executed for this very refusal keeps the query string: it is shown, not refused again.
        if (ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null) return next(ctx);
        foreach (var (key, values) in ctx.Request.Query)
            if (Invisible.Refused(key) || values.Any(Invisible.Refused)) throw new InvisibleInputException(Invisible.Refused(key) ? "" : key);
        return next(ctx);
    });
}
