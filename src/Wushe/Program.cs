using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Demo;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Composition;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

// Database: SQLite file by default, PostgreSQL when configured.
builder.Services.AddWusheDatabase(config, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ActorOverride>();
builder.Services.AddScoped<UserContext>();
builder.Services.AddTransient(sp => sp.GetRequiredService<UserContext>().Current);
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

// Sensitive data: keys from configuration; the demo creates a local key file outside git.
var keyFile = builder.Environment.IsDevelopment() ? Path.Combine(builder.Environment.ContentRootPath, "data", "keys.txt") : null;
builder.Services.AddSingleton(new Sealer(SealerKeys.From(config, keyFile)));
builder.Services.AddDataProtection().PersistKeysToDbContext<AppDb>().SetApplicationName("Wushe");

// Accounts: Identity, cookie sign-in for pages, bearer tokens for the API.
builder.Services.AddIdentityCore<User>(o =>
    {
        PasswordRule.Configure(o.Password);
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<AppDb>()
    .AddPasswordValidator<PasswordRule.Validator>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<ClaimsFactory>()
    .AddDefaultTokenProviders();
// One check of every signed-in request against the account (disabled, new stamp) for cookies and tokens alike.
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<AccountStamps>();
builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, AccountChanges>();
builder.Services.AddSingleton<SignInLimits>();
builder.Services.AddRateLimiter(_ => { });
builder.Services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<SignInLimits>((o, limits) => limits.AddPolicy(o));
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = "wushe";
        o.DefaultChallengeScheme = "wushe";
    })
    // The API takes bearer tokens only: the pages' cookie never authenticates an API call, so a cross-site
    // form cannot act through it (pages themselves check antiforgery tokens). Pages take either.
    .AddPolicyScheme("wushe", "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
        Api.IsApi(ctx.Request) || ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
    .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
    {
        o.LoginPath = "/Account/Login";
        o.AccessDeniedPath = "/Account/Denied";
        o.Cookie.Name = "wushe.auth";
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnRedirectToLogin = Api.StatusInsteadOfRedirect(StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = Api.StatusInsteadOfRedirect(StatusCodes.Status403Forbidden);
        // SessionCheck validates every request; Identity's once-a-minute re-validation would only add lookups.
        o.Events.OnValidatePrincipal = _ => Task.CompletedTask;
    }));
builder.Services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
builder.Services.AddScoped<IAuthorizationHandler, PermissionHandler>();
builder.Services.AddAuthorization();

// Pages live beside their feature; everything needs a sign-in except what is marked public.
builder.Services.AddRazorPages(o =>
    {
        o.RootDirectory = "/Features";
        o.Conventions.AuthorizeFolder("/");
        o.Conventions.AllowAnonymousToPage("/Accounts/MyAccount/Login");
        o.Conventions.AllowAnonymousToFolder("/Public");
        o.Conventions.AllowAnonymousToPage("/Error");
    })
    .AddMvcOptions(PageForms.Configure)
    .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    CultureInfo[] cultures = [new(Lang.Chinese), new(Lang.English)];
    o.DefaultRequestCulture = new RequestCulture(Lang.Chinese);
    o.SupportedCultures = cultures;
    o.SupportedUICultures = cultures;
    // Pages are Chinese unless the user switches; API clients may ask with Accept-Language.
    var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
    o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(),
        new CustomRequestCultureProvider(ctx => Api.IsApi(ctx.Request) ? acceptLanguage.DetermineProviderCultureResult(ctx) : Task.FromResult<ProviderCultureResult?>(null))];
});
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
{
    // Refusals the framework answers itself (authorization, an ended session) speak the product's words and types too.
    if (!Api.IsApi(ctx.HttpContext.Request) || ctx.ProblemDetails.Type?.StartsWith("urn:wushe:", StringComparison.Ordinal) == true) return;
    if (ctx.ProblemDetails.Status == StatusCodes.Status403Forbidden)
    {
        var forbidden = Wushe.Platform.Outcomes.Failure.Forbidden();
        (ctx.ProblemDetails.Title, ctx.ProblemDetails.Type) = (forbidden.Title, forbidden.Type);
    }
    else if (ctx.ProblemDetails.Status is { } status && FrameworkTitle(status) is { } title)
        ctx.ProblemDetails.Title = title;
});

// The answers the framework gives on its own (before any use case runs), in the product's words.
static string? FrameworkTitle(int status) => status switch
{
    StatusCodes.Status400BadRequest => Lang.T("请求内容无法处理", "The request could not be processed"),
    StatusCodes.Status401Unauthorized => Lang.T("未登录或登录已过期，请重新登录", "Not signed in, or the sign-in has ended; please sign in again"),
    StatusCodes.Status404NotFound => Lang.T("请求的资源不存在", "Not found"),
    StatusCodes.Status405MethodNotAllowed => Lang.T("该接口不支持此请求方法", "This operation does not take that method"),
    StatusCodes.Status406NotAcceptable => Lang.T("无法以所要求的格式应答", "Cannot answer in the format asked for"),
    StatusCodes.Status413PayloadTooLarge => Lang.T("提交的内容超过大小限制", "The request is larger than allowed"),
    StatusCodes.Status415UnsupportedMediaType => Lang.T("请求内容的格式不受支持（请按接口说明使用 JSON 或表单）", "The request's content type is not supported (send JSON or a form, as documented)"),
    StatusCodes.Status429TooManyRequests => Lang.T("操作过于频繁，请稍后再试", "Too many requests; please wait a moment"),
    StatusCodes.Status500InternalServerError => Lang.T("系统出错，请稍后重试", "Something went wrong; please try again later"),
    StatusCodes.Status503ServiceUnavailable => Lang.T("系统繁忙，请稍后重试", "The system is busy; please try again shortly"),
    _ => null,
};
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    // A time without an offset is China time, as in the pages' forms; an explicit offset is honoured (ChinaTimeJsonConverter).
    o.SerializerOptions.Converters.Add(new Wushe.Platform.Web.ChinaTimeJsonConverter());
    // A field an operation does not take (an id, a user name, a status) is refused by name, never silently ignored.
    o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
    // A number is a JSON number: "12" is refused (400 naming the field), and the OpenAPI document types numbers as numbers only.
    o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
});
// A value that does not bind goes to KnownExceptions (400 naming the field, logged without the value) in every
// environment, instead of the framework's debug log line that quotes it.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// The request log lines of the host quote query strings, where a search may carry a phone or ID number.
// Kestrel's bad-request lines quote the malformed request line (its query included) when its logging is verbose.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Warning);
builder.Services.AddApiReference();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDb>("database", tags: ["ready"]);
builder.Services.AddFeatures(config);
// Behind a reverse proxy the client's address is the proxy's: X-Forwarded-For is believed from the proxies named in
// Wushe:Proxy:KnownProxies (and loopback, ASP.NET Core's default), never from anyone else. Per-address limits (sign-in,
// residents' reports) and the audit's origin read the address it yields.
builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
    foreach (var proxy in config.GetSection("Wushe:Proxy:KnownProxies").Get<string[]>() ?? [])
        if (System.Net.IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
});

var app = builder.Build();

// Command-line verbs (`migrate`, and the features' own, e.g. `import-divisions <folder>`) run and exit.
if (await Cli.RunAsync(app, args) is { } exitCode) return exitCode;

await Database.MigrateAsync(app.Services);
if (config.GetValue("Wushe:Demo:Seed", false))
{
    await DemoData.SeedAsync(app.Services);
}

app.UseForwardedHeaders();
app.UseSecurityHeaders();
// The API answers Problem Details; pages answer an error page inside the layout (404, 403, 500…).
// The language first: the error handlers below write their answers after the inner middleware has returned, and a
// culture set further in (an async-local) would not reach them, so their titles would stay Chinese under "en".
app.UseRequestLocalization();
app.UseWhen(ctx => Api.IsApi(ctx.Request), api => api.UseExceptionHandler().UseStatusCodePages().UseJsonBodyBuffering());
app.UseWhen(ctx => !Api.IsApi(ctx.Request), pages => pages.UseExceptionHandler("/Error").UseStatusCodePagesWithReExecute("/Error/{0}"));
app.UseStaticFiles();
app.UseRouting();
app.UseInvisibleQueryGuard();
app.UseRateLimiter();
app.UseAuthentication();
app.UseMiddleware<SessionCheck>();
app.UseMiddleware<SecurityEvents>();
app.UseMiddleware<PasswordChangeRequired>();
app.UseAuthorization();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapApiReference();
app.MapFeatures();
app.MapRazorPages();
app.MapLanguageSwitch();

app.Lifetime.ApplicationStarted.Register(() => Banner.Print(app));
if (PublicAddress.Require(app.Configuration, app.Environment) is { } missing)
{
    Console.Error.WriteLine(missing);
    return 1;
}
await app.RunAsync();
return 0;
