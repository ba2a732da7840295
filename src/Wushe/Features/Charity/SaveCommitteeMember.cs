using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 管委会成员: adds a member to a fund's committee for a term (at most 6 years, not ending before today), optionally linked to an account
/// that holds the fund-committee role in the fund's area (so they vote on the platform). A person serves once at a time (by account,
/// else by name). Failures: 400 naming the field, 404 (fund out of scope), 409 (a closed fund; already serving).
/// </summary>
public static class SaveCommitteeMember
{
    public sealed record Request(
        [property: Label("姓名", "Name")] string? Name,
        [property: Label("身份或单位", "Affiliation")] string? Affiliation,
        [property: Label("职务", "Role")] CommitteeRole? Role,
        [property: Label("平台账号", "Account")] string? AccountUserName,
        [property: Label("任期起", "Term from")] DateOnly? TermFrom,
        [property: Label("任期止", "Term to")] DateOnly? TermTo);

    public static async Task<Result<CreatedId>> Handle(AppDb db, TimeProvider clock, Guid fundId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<CommunityFund>().FirstOrDefaultAsync(f => f.Id == fundId, ct) is not { } fund) return Failure.NotFound();
        var today = ChinaTime.Today(clock);
        var errors = new Errors()
            .PersonName("name", r.Name, 2, 50)
            .Text("affiliation", r.Affiliation, "身份或单位", "Affiliation", 0, 60, required: false);
        if (r.Role is not { } role || !Enum.IsDefined(role)) errors.Add("role", Lang.T("请选择职务", "Choose the role"));
        if (r.TermFrom is not { } from) errors.Add("termFrom", Lang.T("请填写任期起", "Give the start of the term"));
        if (r.TermTo is not { } to) errors.Add("termTo", Lang.T("请填写任期止", "Give the end of the term"));
        else if (r.TermFrom is { } f && (to < f || to > f.AddYears(6))) errors.Add("termTo", Lang.T("任期止须不早于任期起，任期不超过 6 年", "The term ends after it starts and lasts at most 6 years"));
        else if (to < today) errors.Add("termTo", Lang.T("任期已结束，不能新增", "The term has ended: it cannot be added"));
        Guid? userId = null;
        if (!string.IsNullOrWhiteSpace(r.AccountUserName))
        {
            var name = r.AccountUserName.Trim();
            userId = await db.Users.Where(u => u.UserName == name).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            var codes = userId is null ? [] : await db.RoleAssignments.Where(a => a.UserId == userId && a.Role == Role.FundCommitteeMember).Select(a => a.AreaCode).ToListAsync(ct);
            if (!codes.Any(c => Platform.Areas.AreaCode.Covers(c, fund.AreaCode) || Platform.Areas.AreaCode.Covers(fund.AreaCode, c)))
                errors.Add("accountUserName", Lang.T("没有该账号，或该账号不是本地的基金管委会成员（须在“用户管理”中授予本社区的“基金管委会成员”角色）",
                    "No such account, or it is no fund committee member here (grant it the fund-committee role of this community under User administration)"));
        }
        if (errors.Any) return errors.ToFailure();
        if (fund.Status == FundStatus.Closed) return Failure.Conflict(Lang.T("基金已终止，不能调整管委会", "The fund is closed: its committee cannot change"));
        var trimmed = r.Name!.Trim();
        var serving = await db.Set<FundCommitteeMember>().Where(m => m.FundId == fundId && m.EndedOn == null && m.TermTo >= today).ToListAsync(ct);
        if (serving.Any(m => userId is not null ? m.UserId == userId : m.Name == trimmed && m.UserId == null))
            return Failure.Duplicate("name", Lang.T($"{trimmed} 已是本基金在任的管委会成员", $"{trimmed} serves on this committee already"));
        var member = new FundCommitteeMember(fund, trimmed, r.Affiliation?.Trim() ?? "", r.Role!.Value, userId, r.TermFrom!.Value, r.TermTo!.Value);
        db.Add(member);
        await db.SaveChangesAsync(ct);
        return new CreatedId(member.Id);
    }
}
