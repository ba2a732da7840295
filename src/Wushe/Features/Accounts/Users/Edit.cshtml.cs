using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts.Users;

/// <summary>新增用户 / 修改用户 on one page: the account's fields and its roles in the actor's scope.</summary>
public sealed partial class EditModel(AppDb db, CurrentUser me, UserManager<User> users, Sealer sealer, TimeProvider clock)
    : PageModel
{
    public sealed class RoleRow
    {
        [Label("角色", "Role")] public Role? Role { get; set; }
        [Label("角色区划", "Role area")] public string? AreaCode { get; set; }
        [Label("社会组织", "Organization")] public Guid? OrganizationId { get; set; }
    }

    public sealed class UserForm
    {
        [Label("用户名", "User name")] public string? UserName { get; set; }
        [Label("姓名", "Name")] public string? DisplayName { get; set; }
        [Label("手机号码", "Mobile number")] public string? Phone { get; set; }
        [Label("身份证号码", "ID number")] public string? IdNumber { get; set; }
        [Label("清除身份证号码", "Remove the ID number")] public bool ClearIdNumber { get; set; }
        [Label("归属区划", "Home area")] public string? HomeAreaCode { get; set; }
        [Label("初始密码", "Initial password")] public string? Password { get; set; }
        public List<RoleRow> Roles { get; set; } = [];
    }

    [BindProperty]
    public UserForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    /// <summary>The user as stored (edit only): masked phone and ID, roles outside the actor's scope.</summary>
    public GetUser.Details? Existing { get; private set; }

    public IReadOnlyList<RoleBadge> OtherRoles => Existing?.Roles.Where(r => !r.Editable).ToList() ?? [];

    public bool CanGrantPlatformAdmin => me.Scope.All && me.Active?.Role == Role.PlatformAdmin;

    /// <summary>The organizations an organization staff role may act for: in the actor's scope, not deregistered (RoleGrants checks again).</summary>
    public List<(Guid Id, string Name)> Organizations { get; private set; } = [];

    async Task LoadOrganizations() =>
        Organizations = (await db.Organizations.AsNoTracking().Where(o => o.Status != OrganizationStatus.Deregistered)
                .OrderBy(o => o.Name).ThenBy(o => o.Id).Take(500).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            if (await Load(id) is { } refused) return refused;
            Input = new UserForm
            {
                UserName = Existing!.UserName,
                DisplayName = Existing.DisplayName,
                HomeAreaCode = Existing.HomeAreaCode,
                Roles = Existing.Roles.Where(r => r.Editable).Select(r => new RoleRow { Role = r.Role, AreaCode = r.AreaCode, OrganizationId = r.OrganizationId }).ToList(),
            };
        }
        else
        {
            Input.HomeAreaCode = me.Active is { } a && a.AreaCode != Scope.Country ? a.AreaCode : null;
        }
        if (Input.Roles.Count == 0) Input.Roles.Add(new RoleRow());
        await LoadOrganizations();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Roles ??= [];
        // Blank rows (no role, no area) are left out; errors map back to the row the user sees.
        var shown = Input.Roles.Select((r, i) => (r, i)).Where(x => x.r.Role is not null || !string.IsNullOrWhiteSpace(x.r.AreaCode) || x.r.OrganizationId is not null).ToList();
        // The organization decides an organization staff role's area: the page sends none (its picker is hidden then).
        var roles = shown.Select(x => x.r.Role == Role.OrganizationStaff ? new RoleRequest(x.r.Role, null, x.r.OrganizationId) : new RoleRequest(x.r.Role, x.r.AreaCode, x.r.OrganizationId)).ToList();
        var rowOf = shown.Select(x => x.i).ToList();
        // A value that did not parse (an unknown role) is named beside its field, with the use case's own checks of
        // the other fields; nothing runs.
        if (Id is not { } id)
        {
            var create = new CreateUser.Request(Input.UserName, Input.DisplayName, Input.Phone, Input.IdNumber, Input.HomeAreaCode, Input.Password, roles);
            var created = await ModelState.IfParsed("Input.", () => CreateUser.Validate(create, clock),
                () => CreateUser.Handle(db, me, users, sealer, clock, create));
            if (!created.IsOk) return await Refuse(created.Failure!, rowOf);
            TempData["Toast"] = Lang.T("新增成功", "Added");
            return Redirect("/Admin/Users");
        }

        if (await Load(id) is { } refused) return refused;
        var edit = new EditUser.Request(new UpdateUser.Request(Input.DisplayName, Input.Phone, Input.IdNumber, Input.HomeAreaCode, Input.ClearIdNumber),
            new SetRoles.Request(roles));
        var updated = await ModelState.IfParsed("Input.", () => EditUser.Validate(edit, clock), () => EditUser.Handle(db, me, sealer, clock, id, edit));
        if (!updated.IsOk) return await Refuse(updated.Failure!, rowOf);
        TempData["Toast"] = Lang.T("修改成功", "Saved");
        return Redirect($"/Admin/Users/Details/{id}");
    }

    async Task<IActionResult?> Load(Guid id)
    {
        var found = await GetUser.Handle(db, me, clock, id);
        if (!found.IsOk) return NotFound();
        Existing = found.Value;
        if (!Existing!.CanManage)
        {
            TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + Existing.WhyNotManageable;
            return Redirect($"/Admin/Users/Details/{id}");
        }
        return null;
    }

    async Task<IActionResult> Refuse(Failure failure, List<int> rowOf)
    {
        await LoadOrganizations();
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        if (failure.Errors is { } errors)
        {
            foreach (var (field, messages) in errors)
                foreach (var m in messages) ModelState.AddModelError(FieldKey(field, rowOf), m);
        }
        else ModelState.AddModelError("", failure.Title);
        if (Input.Roles.Count == 0) Input.Roles.Add(new RoleRow());
        Input.Password = null;
        return Page();
    }

    [GeneratedRegex(@"^roles\[(\d+)\]\.(\w+)$")]
    private static partial Regex RoleField();

    /// <summary>"roles[1].areaCode" → "Input.Roles[3].AreaCode" (the row as shown), "homeAreaCode" → "Input.HomeAreaCode".</summary>
    static string FieldKey(string field, List<int> rowOf)
    {
        if (RoleField().Match(field) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var k) && k < rowOf.Count)
            return $"Input.Roles[{rowOf[k]}].{char.ToUpperInvariant(m.Groups[2].Value[0])}{m.Groups[2].Value[1..]}";
        return field.Length == 0 ? "" : $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}";
    }

    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;
}
