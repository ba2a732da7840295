using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Web;

/// <summary>
/// The API's reference: the OpenAPI document at <c>/openapi/v1.json</c> (an introduction in Chinese and English;
/// every operation names itself "中文 · English" in its summary, details in its description, and carries the stable
/// operationId of its endpoint name, <c>.WithName("ListStations")</c>, which rewording a summary does not change) and its reader at
/// <c>/api/docs</c> (Scalar), which must work on a government intranet: everything it needs is served by the app,
/// and nothing on it calls a service outside (fonts, telemetry, AI agent, MCP, developer toolbar, proxy).
/// </summary>
public static class ApiReference
{
    const string Introduction = """
        ## 简介
        五社联动平台的数据接口，供区县、市州的业务系统对接使用。页面与接口调用同一套业务规则：接口能做的事，页面上也能做，反之亦然。

        - **登录**：`POST /api/v1/auth/token` 提交用户名（或手机号）和密码，取得访问令牌；之后每个请求带上请求头 `Authorization: Bearer <令牌>`。令牌 1 小时内有效。
        - **数据范围**：每个用户只能看到其角色所辖区划（12 位统计用区划代码）内的数据；范围外的记录一律返回 404。一个用户有多个角色时，用请求头 `X-Wushe-Role` 选择其一（取值见 `GET /api/v1/me`）。
        - **错误**：按 RFC 9457 返回 Problem Details（`application/problem+json`），`type` 稳定可判断，`errors` 按字段列出原因。
        - **语言**：消息默认中文；请求头 `Accept-Language: en` 返回英文。
        - **分页**：列表接口用 `page`（从 1 开始）和 `size`（10、20、50、100）；日期为 `yyyy-MM-dd`（北京时间），金额以分为单位的整数。
        - **敏感信息**：手机号、身份证号默认脱敏；查看完整信息须说明原因，并记入审计日志。

        ## Overview
        The data interface of the Wushe five-society linkage platform, for the systems of counties and cities to connect to. Pages and this API share one set of rules: what the API can do, a page can do, and the other way round.

        - **Sign-in**: `POST /api/v1/auth/token` with a user name (or mobile number) and password returns a token; send it on every request as `Authorization: Bearer <token>`. Tokens last one hour.
        - **Scope**: users see only records within the areas of their role (12-digit statistical division codes); a record outside answers 404. Users with several roles choose one with the `X-Wushe-Role` header (values from `GET /api/v1/me`).
        - **Errors**: RFC 9457 Problem Details (`application/problem+json`) with a stable `type`, and `errors` by field.
        - **Language**: messages are in Chinese; send `Accept-Language: en` for English.
        - **Paging**: lists take `page` (from 1) and `size` (10, 20, 50, 100); dates are `yyyy-MM-dd` in China time; money is whole fen (integers).
        - **Sensitive values**: phone and ID numbers come masked; revealing one in full takes a reason and is audited.
        """;

    static readonly (string Name, string Description)[] Tags =
    [
        ("Account", "账号与登录 · Sign-in and one's own account"),
        ("Areas", "行政区划 · Statistical division codes and their import"),
        ("Stations", "社工站：站点、人员、五有五统一、评星、督导 · Social-work stations: staff, standard checklist, star ratings, supervision"),
        ("Households", "关爱服务：家庭户、居民、户卡、探访、服务记录 · Households and people at risk: residents, colour cards, visits, service records"),
        ("Groups", "小组与社区活动 · Group work and community activities"),
        ("Casework", "个案与监护评估 · Case files and guardianship assessments"),
        ("Organizations", "社会组织：登记、志愿服务队、状态变更 · Social organizations and volunteer teams: the register and its status life cycle"),
        ("Volunteers", "志愿者：实名注册与登记、名册、状态、本人信息 · Volunteers: real-name registration, the register, status, one's own registration"),
        ("Volunteer teams", "志愿服务队：队伍、队员、入队申请与审核、我的队伍 · Volunteer teams: teams, members, applications and their review, my teams"),
        ("Points", "积分与美德信用：积分账户、商户、兑换与核销 · Points and virtue credit: the ledger, merchants, offers, redemption"),
        ("Needs", "需求（急难愁盼）：登记、受理、对接、办结、回访，办理时限 · Needs: raised, accepted, matched, resolved, followed up; time limits"),
        ("Projects", "项目：设计、立项、实施机构记录服务、指标完成情况与成效简述 · Projects: designed from needs, approved, delivered by an organization, indicators computed from the records, the narrative"),
        ("Charity", "慈善资源：社区慈善基金、管委会、捐赠、基金台账与核对、我的捐赠 · Charity: community funds, their committees, donations, the ledger and its check, a donor's own donations"),
        ("Workforce", "社会工作人才队伍：社工名册、职业资格与登记、继续教育、社工站人员配备、职业水平考试成绩与统计、培训（报名、出勤、培训证明、统计） · Workforce: the register of social workers, qualifications and registration, continuing education, station staffing, the exam's results and figures, trainings (enrolment, attendance, certificates, figures)"),
        ("Users", "用户管理 · User administration"),
        ("Audit", "审计日志 · The audit trail"),
        ("Files", "附件 · Uploaded files"),
        ("Public", "无须登录：信息公示、居民自报需求与办理进度查询 · No sign-in: public disclosure, residents reporting and following their needs"),
        ("Competitions", "公益创投：申报通知、申报、评审、入围公示与异议、资助与分批拨付、统计 · Venture-philanthropy competitions: calls, applications, review, the notice and objections, awards paid in tranches, figures"),
    ];

    /// <summary>
    /// The terms the API is offered under. The repository grants no licence for the product (no LICENSE file, none in
    /// the README; only the bundled division list has its own, in Features/Areas/Divisions/README.md), so the document
    /// says exactly that: all rights reserved. The operator replaces it when it states its terms.
    /// </summary>
    public const string Licence = "保留所有权利，未授予许可 · All rights reserved, no licence granted";

    /// <summary>The one security scheme: the bearer token of <c>POST /api/v1/auth/token</c>.</summary>
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.CreateSchemaReferenceId = info => OpenApiOptions.CreateDefaultSchemaReferenceId(info) is null ? null : SchemaNames.Of(info.Type);
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "五社联动平台 API · Wushe API";
                doc.Info.Description = Introduction;
                doc.Info.License = new OpenApiLicense { Name = Licence };
                doc.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
                // Relative: the document is served by the app it describes, on whatever address it has.
                doc.Servers = [new OpenApiServer { Url = "/", Description = "本服务 · This server" }];
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "POST /api/v1/auth/token 取得的令牌 · The token from POST /api/v1/auth/token",
                };
                return Task.CompletedTask;
            });
            // An enum travels as its name (JsonStringEnumConverter): say it is a string, or clients read it as a number.
            // A set of flags (FocusArea) travels as its names joined by ", ": the names are listed in the description, as no enum can.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (schema.Type is null && schema.Enum is { Count: > 0 } values
                    && values.All(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.String))
                    schema.Type = values.Any(v => v is null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type.IsEnum && type.IsDefined(typeof(FlagsAttribute), false))
                {
                    var names = Enum.GetValues(type).Cast<Enum>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(v => v.ToString()).ToList();
                    schema.Description = $"一个或多个，以“, ”分隔 · One or more of {string.Join(" | ", names)}, joined by \", \" (e.g. \"{string.Join(", ", names.Take(2))}\")";
                }
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                // The endpoint's name and nothing else: a test holds every operation to have one, unique.
                operation.OperationId = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
                // Every operation says what it needs: the bearer token, or (one empty requirement) nothing.
                operation.Security ??= [];
                operation.Security.Add(metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any()
                    ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }
                    : new OpenApiSecurityRequirement());
                foreach (var parameter in operation.Parameters ?? [])
                    if (parameter is OpenApiParameter { In: ParameterLocation.Query, Schema: OpenApiSchema schema } query)
                    {
                        if (string.Equals(query.Name, "size", StringComparison.OrdinalIgnoreCase))
                        {
                            schema.Enum = [.. Paging.Sizes.Select(size => (System.Text.Json.Nodes.JsonNode)size)];
                            query.Description ??= "每页条数：10、20、50 或 100（默认 20）· Rows per page: 10, 20, 50 or 100 (default 20)";
                        }
                        else if (string.Equals(query.Name, "page", StringComparison.OrdinalIgnoreCase))
                        {
                            schema.Minimum = "1";
                            query.Description ??= "页码，从 1 开始 · Page number, from 1";
                        }
                    }
                return Task.CompletedTask;
            });
        });

    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(SecurityHeaders.ApiDocsPath, (o, _) => o
            .WithTitle("五社联动平台 API · Wushe API")
            // Its own texts (buttons, headings) in the page's language: Chinese unless the user chose English.
            .WithLocalization(new ScalarLocalizationOptions { Locale = Lang.IsEnglish ? "en" : "zh-CN" })
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // Fonts from the system, not Scalar's CDN; no telemetry, AI agent, MCP or developer toolbar (all call scalar.com).
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            // The client opens in the page and sends requests straight to this app (no proxy): it stays.
            .WithNonce())
            .AllowAnonymous();
    }
}
