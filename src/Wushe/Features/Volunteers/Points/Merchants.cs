using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// 美德信用商户 (staff): a station or community registers a merchant of a township or community in its scope and links a merchant account
/// (its user name; the account must hold the merchant role and keep no other merchant), edits or suspends it. Out of scope is 404.
/// </summary>
public static class SaveMerchant
{
    public sealed record Request(
        [property: Label("所在区划", "Area")] string? AreaCode,
        [property: Label("商户名称", "Name")] string? Name,
        [property: Label("类型", "Kind")] MerchantKind? Kind,
        [property: Label("地址", "Address")] string? Address,
        [property: Label("联系方式", "Contact")] string? Contact,
        [property: Label("商户账号", "Merchant account")] string? AccountUserName,
        [property: Label("状态", "Status")] MerchantStatus? Status = null,
        int? Version = null);

    public static async Task<Result<CreatedId>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid? id, Request r, CancellationToken ct = default)
    {
        Merchant? merchant = null;
        if (id is { } mid && (merchant = await db.Set<Merchant>().FirstOrDefaultAsync(m => m.Id == mid, ct)) is null) return Failure.NotFound();
        var errors = new Errors()
            .Text("name", r.Name, "商户名称", "Name", 2, 60)
            .Text("address", r.Address, "地址", "Address", 2, 120)
            .Text("contact", r.Contact, "联系方式", "Contact", 0, 60, required: false);
        var code = AreaCode.Normalize(r.AreaCode);
        if (code is null || AreaCode.LevelOf(code) is not (AreaLevel.Township or AreaLevel.Village) || !user.Scope.Covers(code)
            || !await db.Areas.AnyAsync(a => a.Code == code && a.ValidTo == null, ct))
            errors.Add("areaCode", Lang.T("请选择管辖范围内的乡镇（街道）或社区（村）", "Choose a township or community in your area"));
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", Lang.T("请选择类型", "Choose the kind"));
        Guid? userId = null;
        if (!string.IsNullOrWhiteSpace(r.AccountUserName))
        {
            var name = r.AccountUserName.Trim();
            userId = await db.Users.Where(u => u.UserName == name).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (userId is null || !await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Role == Role.Merchant, ct))
                errors.Add("accountUserName", Lang.T("没有该商户账号（账号须具有商户角色）", "No merchant account has this user name (it must hold the merchant role)"));
            else if (await db.Set<Merchant>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(m => m.UserId == userId && m.Id != (merchant == null ? Guid.Empty : merchant.Id), ct))
                errors.Duplicate("accountUserName", Lang.T("该商户账号已关联其他商户", "This account keeps another merchant already"));
        }
        if (errors.Any) return errors.ToFailure();
        if (merchant is not null && r.Version is { } version && version != merchant.Version)
            return Failure.Conflict(Lang.T("该商户已被他人修改，请刷新后重试", "Someone else changed this merchant; reload and try again"));
        if (merchant is null)
        {
            merchant = new Merchant(code!, r.Name!.Trim(), r.Kind!.Value, r.Address!.Trim(), r.Contact?.Trim() ?? "", userId, user.UserName ?? "", clock.GetUtcNow());
            db.Add(merchant);
        }
        else merchant.Edit(code!, r.Name!.Trim(), r.Kind!.Value, r.Address!.Trim(), r.Contact?.Trim() ?? "", userId, r.Status ?? merchant.Status);
        await db.SaveChangesAsync(ct);
        return new CreatedId(merchant.Id);
    }
}

/// <summary>美德信用商户 list of the scope: by area, keyword (name, address), kind, status; paged; with offers on and redemptions to confirm.</summary>
public static class ListMerchants
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("类型", "Kind")] MerchantKind? Kind = null,
        [Label("状态", "Status")] MerchantStatus? Status = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null)
        : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, string Name, MerchantKind Kind, string AreaCode, string Address, string Contact, MerchantStatus Status, bool HasAccount,
        int OffersOn, int ToConfirm);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var merchants = db.Set<Merchant>().Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword)) merchants = merchants.Where(m => m.Name.Contains(q.Keyword.Trim()) || m.Address.Contains(q.Keyword.Trim()));
        if (q.Kind is { } kind) merchants = merchants.Where(m => m.Kind == kind);
        if (q.Status is { } status) merchants = merchants.Where(m => m.Status == status);
        return await merchants.OrderBy(m => m.AreaCode).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new Row(m.Id, m.Name, m.Kind, m.AreaCode, m.Address, m.Contact, m.Status, m.UserId != null,
                db.Set<Offer>().Count(o => o.MerchantId == m.Id && o.IsOn),
                db.Set<Redemption>().Count(r => r.MerchantId == m.Id && r.Status == RedemptionStatus.Pending)))
            .ToPageAsync(q.Page, q.Size, ct);
    }
}

/// <summary>A merchant of the scope: its details, offers and the quarters of a year.</summary>
public static class GetMerchant
{
    public sealed record Response(Guid Id, string Name, MerchantKind Kind, string AreaCode, string Address, string Contact, MerchantStatus Status,
        string? AccountUserName, int Version, IReadOnlyList<SaveOffer.Row> Offers, IReadOnlyList<MerchantStats.Quarter> Quarters);

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, Guid id, int? year, CancellationToken ct = default)
    {
        if (await db.Set<Merchant>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m) return Failure.NotFound();
        var account = m.UserId is { } uid ? await db.Users.Where(u => u.Id == uid).Select(u => u.UserName).FirstOrDefaultAsync(ct) : null;
        var offers = await db.Set<Offer>().Where(o => o.MerchantId == m.Id).OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync(ct);
        return new Response(m.Id, m.Name, m.Kind, m.AreaCode, m.Address, m.Contact, m.Status, account, m.Version, offers.Select(SaveOffer.Of).ToList(),
            await MerchantStats.ForAsync(db, m.Id, year ?? ChinaTime.Today(clock).Year, ct));
    }
}
