using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce;

/// <summary>
/// 关联平台账号: the account a social worker on the register signs in with — so a station's staff (社工站人员, kept by account on the
/// station's page) are the register's people, not a second list. The accounts offered are those of the person's employer: the staff
/// accounts of their station (<see cref="StationStaff"/>), or the staff accounts of their social organization; each account is one
/// person's (a unique index). A null account unlinks. Failures: 404 for another area's person; 400 naming <c>userId</c> for an account
/// that is not their employer's or is another person's already; 409 for a stale version.
/// </summary>
public static class LinkSocialWorkerAccount
{
    public sealed record Request([property: Label("平台账号", "Account")] Guid? UserId, int? Version);

    public sealed record Candidate(Guid Id, string DisplayName, string? UserName);

    /// <summary>The accounts the person may be linked to: their employer's staff accounts not linked to another person (at most 200).</summary>
    public static async Task<List<Candidate>> Candidates(AppDb db, SocialWorker worker, CancellationToken ct = default)
    {
        IQueryable<Guid> accounts;
        if (worker.StationId is { } station) accounts = db.Set<StationStaff>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(m => m.StationId == station).Select(m => m.UserId);
        else if (worker.OrganizationId is { } organization)
            accounts = db.RoleAssignments.Where(a => a.Role == Role.OrganizationStaff && a.OrganizationId == organization).Select(a => a.UserId);
        else return [];
        var linked = db.Set<SocialWorker>().IgnoreQueryFilters().Where(w => w.UserId != null && w.Id != worker.Id).Select(w => w.UserId!.Value);
        return await db.Users.Where(u => !u.IsDisabled && accounts.Contains(u.Id) && !linked.Contains(u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(200).Select(u => new Candidate(u.Id, u.DisplayName, u.UserName)).ToListAsync(ct);
    }

    /// <summary><see cref="Candidates(AppDb, SocialWorker, CancellationToken)"/> of a person by id; 404 for another area's person.</summary>
    public static async Task<Result<List<Candidate>>> Candidates(AppDb db, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<SocialWorker>().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } worker) return Failure.NotFound();
        return await Candidates(db, worker, ct);
    }

    public static async Task<Result<int>> Handle(AppDb db, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<SocialWorker>().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } worker) return Failure.NotFound();
        if (r.UserId is { } userId && !(await Candidates(db, worker, ct)).Any(c => c.Id == userId))
            return Failure.Invalid("userId", Lang.T("请选择本人所在社工站或社会组织的工作人员账号（尚未关联他人）",
                "Choose a staff account of the person's station or organization that is not linked to someone else"));
        if (r.UserId == worker.UserId) return worker.Version;
        if (r.Version is { } version && version != worker.Version) return SaveSocialWorker.Stale;
        worker.LinkAccount(r.UserId);
        worker.Touch();
        // An account is one person's (a unique index), also when two links race past the check above.
        if (await db.SaveOrFindDuplicateAsync(ct) is not null)
            return Failure.Invalid("userId", Lang.T("该账号已关联其他社会工作者", "The account is linked to another social worker"));
        return worker.Version;
    }
}
