using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Files;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>
/// 接收或拒收转介: a station worker of the receiving township sees the referrals waiting for it and accepts one — the case,
/// its steps, its notes and the notes' attachments (<see cref="StoredFile"/>) move to the receiving station's area in the
/// same transaction, so the receiver reads and downloads them and the referring station no longer can (404) — or declines
/// it with a reason (the case stays). What stays in the referring area, on purpose: the service records the referring
/// station gave (its figures for past periods do not change when a case moves on; the case page reads them by the case's
/// id) and the referrals themselves (the referring side's record of what it sent). A referral lies in the referring side's
/// area, which the receiver's scope does not cover: it is read by an explicit predicate on <see cref="CaseReferral.ToAreaCode"/>
/// instead of the scope. 409 when the referral was decided already, also by someone deciding it at the same moment, or when
/// the case changed meanwhile (<see cref="Case.Version"/>), or when a step of the case still waits for the referring head
/// (<see cref="ReferCase"/> refuses that; this guards cases referred before the rule).
/// The receiver may name the community (<see cref="Request.CommunityCode"/>) of its township where the client now lives: the
/// case (steps, notes, files) then lies in that community; without one it lies at the township (shown by its name).
/// With the referral's consent the client's core record follows the case, not the household: see <see cref="GetCase"/>.
/// </summary>
public static class DecideReferral
{
    public sealed record Request
    {
        /// <summary>true: accept (接收); false: decline (拒收), which needs a reason.</summary>
        [Label("处理结果", "Decision")] public bool? Accept { get; init; }
        [Label("处理意见", "Note")] public string? Note { get; init; }
        /// <summary>On accepting: the 12-digit code of a current community (村/社区) of the receiving township; optional.</summary>
        [Label("所属社区（村）", "Community")] public string? CommunityCode { get; init; }
    }

    public sealed record Community(string Code, string Name);

    /// <summary>The current communities of a receiving township, for the receiver to choose where the case now lies.</summary>
    public static Task<List<Community>> CommunitiesOf(AppDb db, string townshipCode, CancellationToken ct = default) =>
        db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.ParentCode == townshipCode && a.ValidTo == null)
            .OrderBy(a => a.Code).Select(a => new Community(a.Code, a.Name)).ToListAsync(ct);

    /// <summary>
    /// A referral waiting for the user's station, with what the receiver needs to decide before the case is theirs: the
    /// client's name masked (张*丰, as the case list shows it), age (whole years today, China date), sex, the case's problem
    /// and stage, the referring station's name. Nothing more of the client (no ID number, phone, address or health note):
    /// those follow the case once accepted (<see cref="GetCase"/>).
    /// </summary>
    public sealed record Pending(Guid Id, Guid CaseId, string CaseNo, string FromAreaCode, string ToAreaCode, string ReferredByName, DateOnly ConsentOn,
        DateTimeOffset ReferredAt, string Reason, string ClientName, int? ClientAge, Sex? ClientSex, string Problem, CaseStatus? Stage, string FromStationName);

    /// <summary>Referrals waiting for the user's station(s): their receiving area lies in the user's scope (station workers only).</summary>
    public static async Task<List<Pending>> WaitingFor(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        if (user.Active?.Role != Role.StationWorker) return [];
        var scope = user.Scope;
        // The scope filter would hide these rows (they lie in the referring area): the predicate on the receiving area replaces it.
        var waiting = await db.Set<CaseReferral>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .WithinArea(x => x.ToAreaCode, scope).Where(x => x.ToStationId != null && x.Status == ReferralStatus.Pending)
            .OrderBy(x => x.ReferredAt).Take(100).ToListAsync(ct);
        // The cases, clients and stations named by these referrals (read by id, outside the scope: the referrals above name them).
        var ids = waiting.Select(w => w.CaseId).ToList();
        var cases = await db.Cases().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CaseNo, c.ResidentId, c.Problem, c.Status, c.StationId }).ToDictionaryAsync(c => c.Id, ct);
        var residentIds = cases.Values.Select(c => c.ResidentId).Distinct().ToList();
        var clients = await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => residentIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.Sex, r.BirthDate }).ToDictionaryAsync(r => r.Id, ct);
        var stationIds = cases.Values.Where(c => c.StationId != null).Select(c => c.StationId!.Value).Distinct().ToList();
        var stations = await db.Stations.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var today = ChinaTime.Today(clock);
        return [.. waiting.Select(w =>
        {
            var c = cases.GetValueOrDefault(w.CaseId);
            var client = c is null ? null : clients.GetValueOrDefault(c.ResidentId);
            var from = c?.StationId is { } sid ? stations.GetValueOrDefault(sid, "") : "";
            return new Pending(w.Id, w.CaseId, c?.CaseNo ?? "", w.AreaCode, w.ToAreaCode, w.ReferredByName, w.ConsentOn, w.ReferredAt, w.Reason,
                client is null ? "" : Mask.Name(client.Name), client is null ? null : ChinaTime.AgeOn(client.BirthDate, today), client?.Sex,
                c?.Problem ?? "", c?.Status, from);
        })];
    }

    public static Errors Validate(Request r) => Validate(r.Accept, r.Note);

    /// <summary>A decision on any referral (a station's or an organization's): accept or decline, declining with a reason (2–500).</summary>
    public static Errors Validate(bool? accept, string? note)
    {
        var errors = new Errors();
        if (accept is null) errors.Add("accept", Lang.T("请选择接收或拒收", "Please choose accept or decline"));
        else if (accept == false) errors.Text("note", note, "拒收原因", "The reason for declining", 2, 500);
        errors.Text("note", note, "处理意见", "The note", 0, 500, required: false);
        return errors;
    }

    public static async Task<Result<CreatedId>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid referralId, Request r, CancellationToken ct = default)
    {
        if (user.Active?.Role != Role.StationWorker) return Failure.NotFound();
        var scope = user.Scope;
        var referral = await db.Set<CaseReferral>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .WithinArea(x => x.ToAreaCode, scope).FirstOrDefaultAsync(x => x.Id == referralId && x.ToStationId != null, ct);
        if (referral is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        string? community = null;
        if (r.Accept == true && !string.IsNullOrWhiteSpace(r.CommunityCode))
        {
            community = r.CommunityCode.Trim();
            if (!(await CommunitiesOf(db, referral.ToAreaCode, ct)).Any(x => x.Code == community))
                return Failure.Invalid("communityCode", Lang.T("请选择本镇（街道）的社区（村）", "Choose a community of your township"));
        }
        if (referral.Status != ReferralStatus.Pending) return Failure.Conflict(Lang.T("该转介已处理", "This referral has been decided already"));
        if (r.Accept == true && await db.Set<CaseStep>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(x => x.CaseId == referral.CaseId && x.Status == StepStatus.Submitted, ct))
            return Failure.Conflict(Lang.T("该个案有环节正等待转出社工站站长审批，审批后才能接收", "A step of this case awaits the referring station head's decision: accept once it is decided"));
        // The case, its steps and notes are read by the referral's case id: the referral (checked above) names them.
        var c = await db.Cases().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstAsync(x => x.Id == referral.CaseId, ct);
        var now = clock.GetUtcNow();
        referral.Decide(r.Accept!.Value, r.Note?.Trim() ?? "", now);
        c.Touch();
        if (r.Accept == true)
        {
            c.MoveToStation(referral.ToStationId!.Value, community ?? referral.ToAreaCode);
            foreach (var s in await db.Set<CaseStep>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.CaseId == c.Id).ToListAsync(ct)) s.MoveTo(c.AreaCode);
            var notes = await db.Set<CaseNote>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.CaseId == c.Id).ToListAsync(ct);
            foreach (var n in notes) n.MoveTo(c.AreaCode);
            // The notes' attachments are read where their notes are: they move with them (the notes, checked above, name them).
            var fileIds = notes.Where(n => n.FileId is not null).Select(n => n.FileId!.Value).ToList();
            if (fileIds.Count > 0)
                foreach (var f in await db.StoredFiles.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => fileIds.Contains(x.Id)).ToListAsync(ct)) f.MoveTo(c.AreaCode);
            var worker = await Workers.NameAsync(db, user, ct);
            c.AssignWorker(user.Id, worker);
        }
        // The write spans both stations' areas (the referral and the case as they were lie in the referring area): the save
        // acts as this user with the scope of the lowest area over both, for these rows only; the checks above decided who may.
        var over = Over(referral.AreaCode, referral.ToAreaCode);
        db.ActingAs(new CurrentUser(user.Id, user.UserName, [new Assignment(Role.StationWorker, over, "", null)], null) { Origin = user.Origin });
        try
        {
            // Two receivers deciding at once (or the referring side changing the case meanwhile): the case's version lets one through.
            if (await CaseRules.SaveAsync(db, ct, "该转介或个案刚被他人处理，您的操作未保存，请刷新后查看",
                    "Someone else dealt with this referral or case a moment ago; nothing of yours was saved: reload to see it") is { } conflict)
                return conflict;
        }
        finally
        {
            db.ActingAs(user);
        }
        return new CreatedId(c.Id);
    }

    /// <summary>The lowest area over two 12-digit codes (their common township, county, city or province; else the country).</summary>
    public static string Over(string a, string b)
    {
        foreach (var n in new[] { 9, 6, 4, 2 })
            if (a[..n] == b[..n]) return a[..n].PadRight(12, '0');
        return Platform.Access.Scope.Country;
    }
}
