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
        return TypedResults.Problem(problem);
    }

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> ok) => result.IsOk ? ok(result.Value!) : Problem(result.Failure!);

    /// <summary>The Retry-After header of a rate-limited answer, in whole seconds (RFC 9110).</summary>
    public static void SetRetryAfter(this HttpResponse response, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait) response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IResult ToOk<T>(this Result<T> result) => result.ToHttp(v => TypedResults.Ok(v));

    /// <summary>Shows a failure on a page: field errors beside their fields, the rest at the top.</summary>
    public static void AddFailure(this ModelStateDictionary modelState, Failure failure, string prefix = "")
    {
        if (failure.Errors is { Count: > 0 } errors)
            foreach (var (field, messages) in errors)
                foreach (var m in messages) modelState.AddModelError(prefix + (field.Length > 0 ? char.ToUpperInvariant(field[0]) + field[1..] : field), m);
        else modelState.AddModelError("", failure.Title);
    }
}
