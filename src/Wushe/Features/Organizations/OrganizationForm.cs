using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Organizations;

/// <summary>
/// What a user gives when registering (<see cref="RegisterOrganization"/>) or editing (<see cref="EditOrganization"/>) an
/// organization, with the rules both share. The kind is read from the credit code; without a code the user chooses it
/// (a volunteer team, or the kind an incubating organization will register as). The contact phone is sealed and never
/// sent back in clear: on an edit an empty phone keeps the stored number, <c>ClearContactPhone</c> removes it (as a station's).
/// </summary>
public static class OrganizationForm
{
    public const int MaxServiceAreas = 20;

    public sealed record Request(
        [Label("登记管理机关所在区划", "Registering area")] string? AreaCode,
        [Label("组织名称", "Name")] string? Name,
        [Label("统一社会信用代码", "Unified social credit code")] string? CreditCode,
        [Label("组织类型", "Kind")] OrganizationKind? Kind,
        [Label("所属组织", "Belongs to")] Guid? ParentId,
        [Label("登记管理机关", "Registering authority")] string? RegisteringAuthority,
        [Label("登记日期", "Registered on")] DateOnly? RegisteredOn,
        [Label("法定代表人", "Legal representative")] string? LegalRepresentative,
        [Label("联系人", "Contact")] string? ContactName,
        [Label("联系电话", "Contact phone")] string? ContactPhone,
        [Label("地址", "Address")] string? Address,
        [Label("服务区域", "Service areas")] IReadOnlyList<string>? ServiceAreas,
        [Label("服务领域", "Focus areas")] IReadOnlyList<FocusArea>? FocusAreas,
        [Label("状态", "Status")] OrganizationStatus? Status = null,
        [Label("版本", "Version")] int? Version = null,
        [Label("清除联系电话", "Clear contact phone")] bool ClearContactPhone = false);

    /// <summary>The request's own rules, without the database (the page runs them too when another value did not parse).
    /// <paramref name="status"/> is the organization's status on an edit (a request's status is only the registering one).</summary>
    public static Errors Validate(Request r, TimeProvider clock) => Validate(r, clock, null);

    public static Errors Validate(Request r, TimeProvider clock, OrganizationStatus? status)
    {
        var errors = new Errors()
            .Text("name", r.Name, "组织名称", "Name", 2, 100)
            .Text("legalRepresentative", r.LegalRepresentative, "法定代表人", "Legal representative", 0, 50, required: false)
            .Text("contactName", r.ContactName, "联系人", "Contact", 0, 50, required: false)
            .Text("address", r.Address, "地址", "Address", 0, 200, required: false);
        var code = string.IsNullOrWhiteSpace(r.CreditCode) ? null : Platform.Validation.CreditCode.Normalize(r.CreditCode);
        var derived = code is null ? null : Organization.KindOf(code);
        if (code is not null)
        {
            if (Platform.Validation.CreditCode.Check(code) is { } problem) errors.Add("creditCode", problem);
            else if (derived is null)
                errors.Add("creditCode", Lang.T("该代码不是民政部门登记的社会组织代码（第 1 位应为 5）", "This code was not issued by civil affairs to a social organization (its first character must be 5)"));
        }
        if (r.Kind is { } kind && !Enum.IsDefined(kind)) errors.Add("kind", Lang.T("组织类型不正确", "The kind is not one of the list"));
        else if (derived is { } d && r.Kind is { } k && k != d)
            errors.Add("kind", Lang.T($"组织类型由统一社会信用代码确定：{Organization.KindLabel(d)}", $"The kind follows from the credit code: {Organization.KindLabel(d)}"));
        else if (code is null && r.Kind is null) errors.Add("kind", Lang.T("请选择组织类型", "Please choose the kind"));

        var effective = status ?? r.Status ?? OrganizationStatus.Registered;
        if (status is null && r.Status is { } s && s is not (OrganizationStatus.Incubating or OrganizationStatus.Registered))
            errors.Add("status", Lang.T("新登记的社会组织状态应为“孵化中”或“已登记”", "A new organization is either incubating or registered"));
        else if (status is { } current && r.Status is { } asked && asked != current)
            errors.Add("status", Lang.T("状态请通过“变更状态”修改", "Change the status with Change status"));
        // A code is what makes a body registered; only a volunteer team or an organization still in incubation may lack it.
        if (code is null && !errors.Has("kind") && r.Kind != OrganizationKind.VolunteerTeam && effective != OrganizationStatus.Incubating)
            errors.Add("creditCode", Lang.T("统一社会信用代码不能为空（志愿服务队或孵化中的组织可不填）", "The unified social credit code is required (except for a volunteer team or an organization in incubation)"));
        if (code is not null) errors.Text("registeringAuthority", r.RegisteringAuthority, "登记管理机关", "Registering authority", 2, 100);
        else errors.Text("registeringAuthority", r.RegisteringAuthority, "登记管理机关", "Registering authority", 0, 100, required: false);
        if (r.ParentId is not null && (derived ?? r.Kind) != OrganizationKind.VolunteerTeam)
            errors.Add("parentId", Lang.T("只有志愿服务队可以隶属于其他组织", "Only a volunteer team can belong to another organization"));

        if (r.RegisteredOn is { } on && on > ChinaTime.Today(clock))
            errors.Add("registeredOn", Lang.T("登记日期不能晚于今天", "The registration date cannot be in the future"));
        else if (r.RegisteredOn is { Year: < 1950 })
            errors.Add("registeredOn", Lang.T("登记日期不能早于 1950 年", "The registration date cannot be before 1950"));

        if (!string.IsNullOrWhiteSpace(r.ContactPhone))
            errors.Add("contactPhone", r.ClearContactPhone
                ? Lang.T("填写了联系电话就不能同时清除", "Give a contact phone or clear it, not both")
                : Telephone.Check(r.ContactPhone));

        var areas = (r.ServiceAreas ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        if (areas.Count > MaxServiceAreas)
            errors.Add("serviceAreas", Lang.T($"服务区域最多 {MaxServiceAreas} 个", $"At most {MaxServiceAreas} service areas"));
        foreach (var a in areas)
            if (Platform.Areas.AreaCode.Check(a) is { } problem) { errors.Add("serviceAreas", Lang.T("服务区域：", "Service area: ") + problem); break; }
        if ((r.FocusAreas ?? []).Any(f => !Organization.AllFocusAreas.Contains(f)))
            errors.Add("focusAreas", Lang.T("服务领域不正确，请逐项选择", "A focus area is not one of the list; choose them one by one"));
        return errors;
    }

    /// <summary>The rules that read the database: the registering area, the service areas (both within the writer's
    /// scope: areas outside it do not exist to them), the parent organization, and the credit code's uniqueness.</summary>
    public static async Task CheckAsync(AppDb db, Errors errors, Request r, string areaCode, Guid? self, CancellationToken ct)
    {
        var wanted = ServedAreas(r);
        // Areas the organization serves already stay valid even when they lie outside this writer's scope (recorded from above).
        if (self is { } id && wanted.Count > 0)
        {
            var held = await db.Set<OrganizationServiceArea>().Where(s => s.OrganizationId == id).Select(s => s.ServedAreaCode).ToListAsync(ct);
            wanted = wanted.Except(held).ToList();
        }
        if (wanted.Count > 0 && !errors.Has("serviceAreas"))
        {
            var found = await db.Areas.Where(a => wanted.Contains(a.Code) && a.ValidTo == null).Select(a => a.Code).ToListAsync(ct);
            if (wanted.Except(found).FirstOrDefault() is { } missing)
                errors.Add("serviceAreas", Lang.T($"服务区域 {missing} 不存在或不在您的管辖范围内", $"The service area {missing} does not exist or lies outside your area"));
        }
        if (r.ParentId is { } parentId && !errors.Has("parentId"))
        {
            var parent = await db.Organizations.AsNoTracking().Where(o => o.Id == parentId).Select(o => new { o.Kind, o.Status, o.AreaCode }).FirstOrDefaultAsync(ct);
            if (parent is null || parentId == self)
                errors.Add("parentId", Lang.T("所属组织不存在或不在您的管辖范围内", "The organization it belongs to does not exist or lies outside your area"));
            else if (parent.Kind == OrganizationKind.VolunteerTeam)
                errors.Add("parentId", Lang.T("志愿服务队不能隶属于另一支志愿服务队", "A volunteer team cannot belong to another volunteer team"));
            else if (parent.Status == OrganizationStatus.Deregistered)
                errors.Add("parentId", Lang.T("所属组织已注销", "The organization it belongs to is deregistered"));
        }
        if (CodeOf(r) is { } code && !errors.Has("creditCode")
            && await db.Organizations.IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(o => o.CreditCode == code && o.Id != self, ct))
            errors.Duplicate("creditCode", DuplicateMessage);
    }

    public static string DuplicateMessage => Lang.T("该统一社会信用代码已登记，不能重复登记", "An organization with this unified social credit code is already registered");

    public static string? CodeOf(Request r) => string.IsNullOrWhiteSpace(r.CreditCode) ? null : Platform.Validation.CreditCode.Normalize(r.CreditCode);

    public static List<string> ServedAreas(Request r) =>
        (r.ServiceAreas ?? []).Select(Platform.Areas.AreaCode.Normalize).OfType<string>().Distinct().ToList();

    /// <summary>Writes the validated request onto the organization, with its service areas.</summary>
    public static async Task ApplyAsync(AppDb db, Organization o, Request r, Sealer sealer, CancellationToken ct)
    {
        var code = CodeOf(r);
        var kind = Organization.KindOf(code) ?? r.Kind!.Value;
        o.Edit(r.Name!.Trim(), code, kind, kind == OrganizationKind.VolunteerTeam ? r.ParentId : null, r.RegisteringAuthority?.Trim() ?? "", r.RegisteredOn,
            r.LegalRepresentative?.Trim() ?? "", r.ContactName?.Trim() ?? "", r.Address?.Trim() ?? "", Organization.Join(r.FocusAreas));
        if (r.ClearContactPhone) o.SetContactPhone(null);
        else if (!string.IsNullOrWhiteSpace(r.ContactPhone))
            o.SetContactPhone(sealer.Reseal(o.ContactPhone, SensitiveKind.Phone, Telephone.Normalize(r.ContactPhone)));

        var wanted = ServedAreas(r);
        // Rows of areas outside the writer's scope stay hidden and untouched (someone above recorded them).
        var held = await db.Set<OrganizationServiceArea>().Where(s => s.OrganizationId == o.Id).ToListAsync(ct);
        db.Set<OrganizationServiceArea>().RemoveRange(held.Where(h => !wanted.Contains(h.ServedAreaCode) && db.Actor.Scope.Covers(h.ServedAreaCode)));
        foreach (var code12 in wanted.Where(w => held.All(h => h.ServedAreaCode != w)))
            db.Set<OrganizationServiceArea>().Add(new OrganizationServiceArea(o, code12));
    }
}
