using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Web;

/// <summary>
/// The first answer to a request sent with an <c>Idempotency-Key</c>: kept so that a repeat (same
/// user, same key) gets that answer again instead of doing the work twice. Written in the same
/// database transaction as what the request created, so one never exists without the other.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { Key = Method = Path = RequestHash = ""; }

    public IdempotencyRecord(Guid userId, string key, string method, string path, string requestHash, DateTimeOffset createdAt)
    {
        UserId = userId;
        Key = key;
        Method = method;
        Path = path;
        RequestHash = requestHash;
        CreatedAt = createdAt;
    }

    public Guid UserId { get; private set; }
    public string Key { get; private set; }
    public string Method { get; private set; }

    /// <summary>The request's path, lower case (the route with its values: /api/v1/stations/{id}/purchases).</summary>
    public string Path { get; private set; }

    /// <summary>SHA-256 (hex) of method, path, query and the request's content as bound (JSON in canonical form, or the form's fields and files).</summary>
    public string RequestHash { get; private set; }

    /// <summary>The first answer: status, content type, Location and body (JSON). Status 0 while the first request is still at work.</summary>
    public int Status { get; private set; }
    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public string? Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        // Unique per user and key: two requests racing with one key cannot both be first.
        b.HasKey(x => new { x.UserId, x.Key });
        b.Property(x => x.Key).HasMaxLength(Idempotency.MaxKeyLength);
        b.Property(x => x.Method).HasMaxLength(10);
        b.Property(x => x.Path).HasMaxLength(400);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Location).HasMaxLength(400);
        b.HasIndex(x => x.CreatedAt);
    }
}

/// <summary>Idempotency records are bookkeeping of requests, not changes to audit.</summary>
sealed class IdempotencyVocabulary : IAuditVocabulary
{
    public void Describe(AuditVocabulary v) => v.NotAudited<IdempotencyRecord>();
}

/// <summary>Marks an endpoint whose POST must not be replayed from a stored answer, with the reason.</summary>
public sealed record NoIdempotency(string Reason);

/// <summary>
/// <c>Idempotency-Key</c> on the API's POST operations (draft-ietf-httpapi-idempotency-key-header):
/// a client that may retry sends a key of its own (a UUID); the first request does the work and its
/// answer (2xx status, body, Location) is kept for <c>Wushe:Idempotency:Retention</c> (24 h); a
/// repeat by the same user with the same key gets that answer again, marked <c>Idempotent-Replayed: true</c>,
/// and creates nothing. The same key with another request (method, path, query or content) is a
/// 422 problem. Two requests with one key at the same moment: the second waits for the first and
/// replays its answer. Failures (4xx) are not kept: the client may correct the request and retry
/// with the same key. Applied to the whole /api/v1 group; endpoints opt out with
/// <see cref="WithoutIdempotency{TBuilder}"/> and a reason (sign-in, reveals, passwords).
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

    /// <summary>Adds the filter and the header's description in the OpenAPI document to every POST of the group.</summary>
    public static RouteGroupBuilder WithIdempotency(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<IdempotencyFilter>();
        group.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (!string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)
                || context.Description.ActionDescriptor.EndpointMetadata.OfType<NoIdempotency>().Any()) return Task.CompletedTask;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "幂等键：客户端可能重试时，为每个业务请求生成一个唯一值（如 UUID）。同一用户以同一键重复提交时，返回第一次的结果，不会重复新增；"
                    + "同一键用于不同请求时返回 422。结果保留 24 小时。 / A unique value per intended operation (a UUID). A repeat with the same key by the same user "
                    + "returns the first answer (marked Idempotent-Replayed: true) and records nothing new; the same key with a different request is a 422. Answers are kept 24 hours.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxKeyLength },
            });
            return Task.CompletedTask;
        });
        return group;
    }

    /// <summary>Opts an endpoint out of idempotent replay (its answer must not be stored, or it is not a create).</summary>
    public static TBuilder WithoutIdempotency<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoIdempotency(reason));

    /// <summary>A key is 1–255 visible ASCII characters.</summary>
    public static bool IsWellFormed(string key) => key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and < (char)127);

    public static TimeSpan Retention(IConfiguration config) => config.GetValue("Wushe:Idempotency:Retention", DefaultRetention);
}

/// <summary>The filter behind <see cref="Idempotency"/>: one database transaction holds the claim of the key, the work and the stored answer.</summary>
sealed class IdempotencyFilter(AppDb db, CurrentUser me, TimeProvider clock, IConfiguration config, IOptions<JsonOptions> json, ILogger<IdempotencyFilter> log) : IEndpointFilter
{
    static long lastPurge;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<NoIdempotency>() is not null
            || !http.Request.Headers.TryGetValue(Idempotency.Header, out var values) || me.Id is not { } userId)
            return await next(context);
        var key = values.ToString().Trim();
        if (values.Count != 1 || !Idempotency.IsWellFormed(key))
            return Problem(StatusCodes.Status400BadRequest, "urn:wushe:problem:validation", Lang.T("幂等键格式不正确", "The Idempotency-Key is not well formed"),
                Lang.T("幂等键应为 1 到 255 个可见 ASCII 字符（建议使用 UUID）", "An Idempotency-Key is 1 to 255 visible ASCII characters (a UUID, say)"));

        var path = http.Request.Path.Value!.ToLowerInvariant();
        var hash = await FingerprintAsync(context, path);
        var now = clock.GetUtcNow();
        var retention = Idempotency.Retention(config);

        for (var attempt = 0; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
            var records = db.Set<IdempotencyRecord>();
            var existing = await records.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
            if (existing is not null && existing.CreatedAt > now - retention)
            {
                await tx.CommitAsync(http.RequestAborted);
                return Answer(existing, path, hash);
            }
            if (existing is not null)
                await records.Where(r => r.UserId == userId && r.Key == key).ExecuteDeleteAsync(http.RequestAborted);

            // The claim: a second request with this key waits here (PostgreSQL: on the key; SQLite: on the write lock) until the first commits.
            var claim = records.Add(new IdempotencyRecord(userId, key, http.Request.Method, path, hash, now));
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                claim.State = EntityState.Detached;
                await tx.RollbackAsync(http.RequestAborted);
                continue;
            }
            claim.State = EntityState.Detached;

            var result = await next(context);
            var answer = Capture(result);
            if (answer is { Status: >= 200 and < 300 })
                await records.Where(r => r.UserId == userId && r.Key == key).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, answer.Status)
                    .SetProperty(r => r.ContentType, answer.ContentType)
                    .SetProperty(r => r.Location, answer.Location)
                    .SetProperty(r => r.Body, answer.Body), http.RequestAborted);
            else
                // A refusal is not kept: the client may correct the request and send it again with the same key.
                await records.Where(r => r.UserId == userId && r.Key == key).ExecuteDeleteAsync(http.RequestAborted);
            await tx.CommitAsync(http.RequestAborted);
            await PurgeAsync(now - retention);
            return result;
        }
    }

    /// <summary>The stored answer, or 422 when the key was first used for another request.</summary>
    static IResult Answer(IdempotencyRecord first, string path, string hash)
    {
        if (first.Path != path || first.RequestHash != hash)
            return Problem(StatusCodes.Status422UnprocessableEntity, "urn:wushe:problem:idempotency-key-reused",
                Lang.T("该幂等键已用于另一个请求", "This Idempotency-Key was used for a different request"),
                Lang.T("同一幂等键只能用于同一个请求；新的请求请使用新的幂等键", "A key belongs to one request: use a new key for a new request"));
        return new Replay(first);
    }

    static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string type, string title, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Idempotency.Header] = [message] }) { Status = status, Type = type, Title = title });

    sealed record Captured(int Status, string? ContentType, string? Location, string? Body);

    Captured? Capture(object? result)
    {
        if (result is not IResult)
            return new Captured(StatusCodes.Status200OK, "application/json; charset=utf-8", null, result is null ? null : Serialize(result));
        // A typed union (Results<Created<T>, ProblemHttpResult>) carries the result it stands for.
        while (result is INestedHttpResult nested) result = nested.Result;
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var location = result.GetType().GetProperty("Location")?.GetValue(result) as string;
        var value = (result as IValueHttpResult)?.Value;
        var contentType = (result as IContentTypeHttpResult)?.ContentType ?? "application/json; charset=utf-8";
        return new Captured(status, value is null ? null : contentType, location, value is null ? null : Serialize(value));
    }

    string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);

    /// <summary>What makes two requests the same: method, path, query, and the content as bound (canonical JSON, or form fields and files).</summary>
    async Task<string> FingerprintAsync(EndpointFilterInvocationContext context, string path)
    {
        var http = context.HttpContext;
        var text = new StringBuilder().Append(http.Request.Method).Append('\n').Append(path).Append('\n').Append(http.Request.QueryString.Value).Append('\n');
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            foreach (var field in form.Where(f => f.Key != "__RequestVerificationToken").OrderBy(f => f.Key, StringComparer.Ordinal))
                text.Append(field.Key).Append('=').AppendJoin('\u001f', field.Value.ToArray()).Append('\n');
            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                await using var content = file.OpenReadStream();
                text.Append(file.Name).Append(':').Append(file.FileName).Append(':').Append(Convert.ToHexString(await SHA256.HashDataAsync(content, http.RequestAborted))).Append('\n');
            }
        }
        else if (http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } bodyType
                 && context.Arguments.FirstOrDefault(a => a is not null && bodyType.IsInstanceOfType(a)) is { } body)
            text.Append(Serialize(body));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Expired answers go, at most every ten minutes per app instance (several instances doing it is harmless).</summary>
    async Task PurgeAsync(DateTimeOffset before)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastPurge);
        if (last != 0 && now - last < 600_000) return;
        if (Interlocked.CompareExchange(ref lastPurge, now, last) != last) return;
        try
        {
            await db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < before).ExecuteDeleteAsync();
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            log.LogWarning(e, "Purging expired idempotency records failed; the next request tries again");
            Interlocked.Exchange(ref lastPurge, 0);
        }
    }

    /// <summary>Replays a stored answer.</summary>
    sealed class Replay(IdempotencyRecord first) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => first.Status;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = first.Status;
            response.Headers[Idempotency.ReplayedHeader] = "true";
            if (first.Location is { } location) response.Headers.Location = location;
            if (first.Body is { } body)
            {
                response.ContentType = first.ContentType ?? "application/json; charset=utf-8";
                await response.WriteAsync(body, Encoding.UTF8);
            }
        }
    }
}
