using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Wushe.Data;

namespace Wushe.Platform.Web;

/// <summary>The id of what was created or started (201 Created, 202 Accepted).</summary>
public sealed record CreatedId(Guid Id);

/// <summary>
/// The failures every API operation may give, declared once for the route groups, so that the OpenAPI document states them
/// beside the typed success each endpoint returns (<see cref="Http.ToHttp{T, TOk}"/>). Problem Details throughout (RFC 9457):
/// <list type="bullet">
/// <item>400 (validation problem): any operation that takes a value (a route, query, header or body value, a form);</item>
/// <item>401, 403: operations that need a signed-in user (<c>KnownExceptions</c>, <c>UseStatusCodePages</c>);</item>
/// <item>404: operations on a record named in the route (a record outside the scope does not exist);</item>
/// <item>415: operations that read a body, sent in another content type (JSON where a form is read, or the reverse);</item>
/// <item>409, 503: writes (a unique key or a stale version; the database's write lock not had in time, with Retry-After);</item>
/// <item>422: POSTs that take an Idempotency-Key (the key reused for another request).</item>
/// </list>
/// An endpoint adds what is its own (<c>.ProducesProblem(429)</c> on sign-in).
/// </summary>
public static class ApiResponses
{
    public const string ProblemJson = "application/problem+json";

    public static RouteGroupBuilder WithApiResponses(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route) return;
            var metadata = endpoint.Metadata;
            var methods = metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
            var writes = methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m));
            var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
            var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).ToHashSet();
            void Add(int status, Type type)
            {
                if (declared.Add(status)) metadata.Add(new ProducesResponseTypeMetadata(status, type, [ProblemJson]));
            }
            if (TakesInput(endpoint, route.RoutePattern)) Add(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
            if (!anonymous)
            {
                Add(StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
                Add(StatusCodes.Status403Forbidden, typeof(ProblemDetails));
            }
            if (route.RoutePattern.Parameters.Count > 0) Add(StatusCodes.Status404NotFound, typeof(ProblemDetails));
            // A body in another content type than the operation reads (JSON where it takes a form, or the reverse).
            if (metadata.OfType<IAcceptsMetadata>().Any()) Add(StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails));
            if (writes && !anonymous)
            {
                Add(StatusCodes.Status409Conflict, typeof(ProblemDetails));
                if (methods.Any(HttpMethods.IsPost) && !metadata.OfType<NoIdempotency>().Any())
                    Add(StatusCodes.Status422UnprocessableEntity, typeof(ProblemDetails));
                Add(StatusCodes.Status503ServiceUnavailable, typeof(ProblemDetails));
            }
        });
        return group;
    }

    /// <summary>Whether the handler takes a value from the request (not only services, the user, the clock).</summary>
    static bool TakesInput(EndpointBuilder endpoint, RoutePattern pattern)
    {
        if (pattern.Parameters.Count > 0 || endpoint.Metadata.OfType<IAcceptsMetadata>().Any()) return true;
        var services = endpoint.ApplicationServices.GetService<IServiceProviderIsService>();
        var handler = endpoint.Metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault();
        return handler?.GetParameters().Any(p =>
            p.ParameterType == typeof(HttpRequest)
            || (p.ParameterType != typeof(HttpContext) && p.ParameterType != typeof(CancellationToken)
                && services?.IsService(p.ParameterType) != true)) == true;
    }
}

/// <summary>One file field of a multipart/form-data upload, as the API document states it.</summary>
public sealed record UploadField(string Field, bool Required, string Description);

/// <summary>Files in the API document: the form an upload reads itself (from <see cref="HttpRequest"/>), and a download's bytes.</summary>
public static class FormFileUploads
{
    /// <summary>
    /// The file of an upload's field; null when the request is no form, has no such file, or is a multipart form that cannot be
    /// read (no parts, a part without a name: <see cref="InvalidDataException"/>) — the use case then says which file to choose, a 400
    /// naming the field, never a 500.
    /// </summary>
    public static async Task<IFormFile?> FileAsync(HttpRequest request, string field)
    {
        if (!request.HasFormContentType) return null;
        try
        {
            return (await request.ReadFormAsync(request.HttpContext.RequestAborted)).Files.GetFile(field);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// States in the OpenAPI document that the endpoint takes multipart/form-data with these file fields (string, binary),
    /// so a client can call it. Documentation only: unlike <c>Accepts</c>, it adds no content-type matching, so a request
    /// that is no form still reaches the use case and hears why (400), not a bare 415.
    /// </summary>
    public static RouteHandlerBuilder AcceptsFiles(this RouteHandlerBuilder builder, IReadOnlyList<UploadField> files) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var schema = new Microsoft.OpenApi.OpenApiSchema
            {
                Type = Microsoft.OpenApi.JsonSchemaType.Object,
                Properties = files.ToDictionary(f => f.Field, f => (Microsoft.OpenApi.IOpenApiSchema)Binary(f.Description)),
                Required = files.Where(f => f.Required).Select(f => f.Field).ToHashSet(),
            };
            operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                {
                    ["multipart/form-data"] = new() { Schema = schema },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>
    /// States in the OpenAPI document that the endpoint answers 200 with a file's bytes, in one of these content types
    /// (a binary string each; a typed <c>Produces&lt;Stream&gt;</c> would name .NET's Stream as a schema).
    /// </summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, IReadOnlyList<string> contentTypes) =>
        builder.Produces(StatusCodes.Status200OK).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is Microsoft.OpenApi.OpenApiResponse response)
                response.Content = contentTypes.ToDictionary(t => t, _ => new Microsoft.OpenApi.OpenApiMediaType { Schema = Binary() });
            return Task.CompletedTask;
        });

    /// <summary>
    /// GET <paramref name="pattern"/>: a list exported as an Excel file (.xlsx) by <paramref name="export"/>, which takes the
    /// list's own query (<c>[AsParameters]</c>: the same conditions as the list's route) and returns the bytes and the file's
    /// name. The export use case audits, masks and caps the rows; the route states the file in the OpenAPI document.
    /// </summary>
    public static RouteHandlerBuilder MapExport<TQuery>(this IEndpointRouteBuilder routes, string pattern,
        Func<AppDb, TimeProvider, TQuery, Task<(byte[] Content, string FileName)>> export) =>
        routes.MapGet(pattern, async (AppDb db, TimeProvider clock, [AsParameters] TQuery q) =>
            {
                var (content, name) = await export(db, clock, q);
                return TypedResults.File(content, Export.Spreadsheet.XlsxContentType, name);
            })
            .ProducesFile([Export.Spreadsheet.XlsxContentType]);

    /// <summary>The same for a list that finds people by a full ID or mobile number (a keyed hash: the <see cref="Sensitive.Sealer"/>).</summary>
    public static RouteHandlerBuilder MapExport<TQuery>(this IEndpointRouteBuilder routes, string pattern,
        Func<AppDb, Sensitive.Sealer, TimeProvider, TQuery, Task<(byte[] Content, string FileName)>> export) =>
        routes.MapGet(pattern, async (AppDb db, Sensitive.Sealer sealer, TimeProvider clock, [AsParameters] TQuery q) =>
            {
                var (content, name) = await export(db, sealer, clock, q);
                return TypedResults.File(content, Export.Spreadsheet.XlsxContentType, name);
            })
            .ProducesFile([Export.Spreadsheet.XlsxContentType]);

    /// <summary>
    /// <see cref="MapExport{TQuery}(IEndpointRouteBuilder, string, Func{AppDb, TimeProvider, TQuery, Task{ValueTuple{byte[], string}}})"/>
    /// for an export whose list has rules of its own beyond paging, area and sort (a period, a keyword's length): a failure
    /// of <paramref name="export"/> is answered as Problem Details (400 naming the field), and nothing is exported or audited.
    /// </summary>
    public static RouteHandlerBuilder MapExport<TQuery>(this IEndpointRouteBuilder routes, string pattern,
        Func<AppDb, TimeProvider, TQuery, Task<Outcomes.Result<(byte[] Content, string FileName)>>> export) =>
        routes.MapGet(pattern, async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (
                AppDb db, TimeProvider clock, [AsParameters] TQuery q) =>
                (await export(db, clock, q)).ToHttp(f => TypedResults.File(f.Content, Export.Spreadsheet.XlsxContentType, f.FileName)))
            .ProducesFile([Export.Spreadsheet.XlsxContentType]);

    /// <summary>A file's bytes in the document: a binary string.</summary>
    static Microsoft.OpenApi.OpenApiSchema Binary(string? description = null) =>
        new() { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary", Description = description };
}
