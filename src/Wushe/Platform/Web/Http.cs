using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Web;

public static class Http
{
    /// <summary>Turns a failure into RFC 9457 Problem Details with a stable type.</summary>
    public static ProblemHttpResult Problem(Failure failure)
    {
        var status = failure.Kind switch
        {
            FailureKind.Invalid => StatusCodes.Status400BadRequest,
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            FailureKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status409Conflict,
        };
        var problem = failure.Errors is { } errors
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = failure.Title;
        problem.Type = failure.Type;
        foreach (var (name, value) in failure.Extensions ?? new Dictionary<string, object?>()) problem.Extensions[name] = value;
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// The success as the typed result <paramref name="ok"/> makes (so the OpenAPI document states its status and body), a failure
    /// as Problem Details. The failures an API operation may give are documented by <see cref="ApiResponses"/>.
    /// </summary>
    public static Results<TOk, ProblemHttpResult> ToHttp<T, TOk>(this Result<T> result, Func<T, TOk> ok) where TOk : IResult =>
        result.IsOk ? ok(result.Value!) : Problem(result.Failure!);

    /// <summary>The Retry-After header of a rate-limited answer, in whole seconds (RFC 9110).</summary>
    public static void SetRetryAfter(this HttpResponse response, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait) response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) => result.ToHttp(v => TypedResults.Ok(v));

    /// <summary>
    /// Shows a failure on a page: field errors beside their fields ("openedOn" → "Input.OpenedOn" with
    /// prefix "Input."), errors of the whole request ("") and failures without fields at the top.
    /// <see cref="PageForms.Unparsed"/> adds nothing: its messages are in the ModelState already.
    /// </summary>
    public static void AddFailure(this ModelStateDictionary modelState, Failure failure, string prefix = "")
    {
        if (failure.Errors is { } errors)
            foreach (var (field, messages) in errors)
                foreach (var m in messages) modelState.AddModelError(field.Length > 0 ? prefix + FieldKey(field) : "", m);
        else modelState.AddModelError("", failure.Title);
    }

    /// <summary>An API field path as a page's ModelState key: "levels[1].minScore" → "Levels[1].MinScore".</summary>
    public static string FieldKey(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length > 0 ? char.ToUpperInvariant(part[0]) + part[1..] : part));
}
