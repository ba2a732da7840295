using Microsoft.AspNetCore.Http.HttpResults;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>志愿服务证明 under <c>/api/v1</c>: staff's, the volunteer's own, and the public verification.</summary>
public static class CertificatesApi
{
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(Task<Platform.Outcomes.Result<CertificateFile>> file) =>
        (await file).ToHttp(f => TypedResults.File(f.Content, CertificateFile.ContentType, f.FileName));

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/volunteer-certificates").WithTags("Volunteers");
        g.MapGet("/", async (AppDb db, [AsParameters] ListVolunteerCertificates.Query q) => TypedResults.Ok(await ListVolunteerCertificates.Handle(db, q)))
            .RequirePermission(VolunteersPermissions.View)
            .WithName("ListVolunteerCertificates").WithSummary("志愿服务证明 · List volunteer certificates")
            .WithDescription("Certificates of the volunteers of the scope: ?area=&keyword= (certificate number, volunteer number or name)&status=Valid|Revoked&volunteerId=&from=&to= (China dates of issue)&page=&size=; newest first. Minutes are whole minutes.");
        g.MapExport<ListVolunteerCertificates.Query>("/export", (db, clock, q) => ExportVolunteerCertificates.Handle(db, clock, q with { Page = null, Size = null }))
            .RequirePermission(VolunteersPermissions.View)
            .WithName("ExportVolunteerCertificates").WithSummary("导出志愿服务证明 · Export volunteer certificates")
            .WithDescription("The list as searched (the conditions of ListVolunteerCertificates, at most 10,000 rows) as an Excel file; no ID numbers; audited.");
        g.MapGet("/{id:guid}", async (AppDb db, Guid id) => (await ListVolunteerCertificates.Get(db, id)).ToOk())
            .RequirePermission(VolunteersPermissions.View)
            .WithName("GetVolunteerCertificate").WithSummary("志愿服务证明详情 · Get a volunteer certificate")
            .WithDescription("The certificate and what was printed (the ID number masked as printed, the services). Another area's is 404.");
        g.MapGet("/{id:guid}/pdf", (AppDb db, Guid id) => Pdf(CertificateFile.OfScopeAsync(db, id)))
            .RequirePermission(VolunteersPermissions.View)
            .ProducesFile([CertificateFile.ContentType])
            .WithName("GetVolunteerCertificatePdf").WithSummary("下载志愿服务证明 · Download a certificate (PDF)")
            .WithDescription("The certificate as printed when issued (the same document every time), in Chinese, the ID number masked, with the QR code of its verification page. Another area's is 404.");
        g.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, Platform.Sensitive.Sealer sealer, HttpContext http, IssueCertificate.Request r) =>
                (await IssueCertificate.Handle(db, user, clock, sealer, PublicAddress.Of(http), r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/volunteer-certificates/{c.Id}", c)))
            .RequirePermission(VolunteersPermissions.Organize)
            .WithName("IssueVolunteerCertificate").WithSummary("出具志愿服务证明 · Issue a volunteer certificate")
            .WithDescription("{volunteerId (of the scope), from, to (China dates; to not in the future; at most 5 years), responsiblePerson?, contact?}: issued at once from the volunteer's final hour records of the period, "
                + "the issuer being the user's station (station workers) or community (community staff). 409 when the period has no final hours; a valid certificate of the same period and hours is answered again (existing=true).")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/revoke", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, RevokeCertificate.Request r) =>
                (await RevokeCertificate.Handle(db, user, clock, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Organize)
            .WithName("RevokeVolunteerCertificate").WithSummary("作废志愿服务证明 · Revoke a volunteer certificate")
            .WithDescription("{reason, version?}: the certificate is revoked (the verification page shows 已作废); audited. Revoked already or a stale version is 409; another area's 404.")
            .ProducesValidationProblem();

        var me = api.MapGroup("/me/volunteer/certificates").WithTags("Volunteers");
        me.MapGet("/", async (AppDb db, CurrentUser user, int? page, int? size) => (await MyCertificates.Handle(db, user, page, size)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("ListMyVolunteerCertificates").WithSummary("我的志愿服务证明 · My certificates")
            .WithDescription("My certificates newest first, with my final minutes. 404 for an account without a registration.");
        me.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, Platform.Sensitive.Sealer sealer, HttpContext http, IssueCertificate.MyRequest r) =>
                (await IssueCertificate.Mine(db, user, clock, sealer, PublicAddress.Of(http), r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/me/volunteer/certificates/{c.Id}/pdf", c)))
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("RequestMyVolunteerCertificate").WithSummary("申请志愿服务证明 · Request my certificate")
            .WithDescription("{from, to} (China dates; to not in the future; at most 5 years): issued at once from my final hours of the period by the social-work station of my township (else my community). "
                + "409 when the period has no final hours; the same period and hours certified already is answered again (existing=true).")
            .ProducesValidationProblem();
        me.MapGet("/{id:guid}/pdf", (AppDb db, CurrentUser user, Guid id) => Pdf(MyCertificates.PdfAsync(db, user, id)))
            .RequirePermission(VolunteersPermissions.Self)
            .ProducesFile([CertificateFile.ContentType])
            .WithName("GetMyVolunteerCertificatePdf").WithSummary("下载我的志愿服务证明 · Download my certificate (PDF)")
            .WithDescription("One of my certificates as printed. Another's is 404.");
    }

    public static void MapPublic(RouteGroupBuilder publicApi)
    {
        var p = publicApi.MapGroup("/volunteer-certificates").WithTags("Public");
        p.MapGet("/{number}", async (AppDb db, VerifyLimits limits, HttpContext http, string number) =>
            {
                var result = await VerifyCertificate.Handle(db, limits, http.Connection.RemoteIpAddress?.ToString(), new VerifyCertificate.Request(number));
                http.Response.SetRetryAfter(result.Failure?.RetryAfter);
                return result.ToOk();
            })
            .WithName("VerifyVolunteerCertificate").WithSummary("验证志愿服务证明 · Verify a volunteer certificate")
            .WithDescription("No sign-in: the certificate of this number — valid or revoked, the name, the period, the hours, the issuer, the day of issue; no ID number, phone or volunteer number. "
                + "An unknown number is 404 (未找到该证明); 429 when the address looked up too often.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
