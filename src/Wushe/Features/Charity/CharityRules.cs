using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity;

/// <summary>
/// The fund rules of DOMAIN.md ("Community charity funds") in one place: who may host a fund, how it is named, and whether its
/// committee is complete — an odd number of voting members, at least <see cref="CharityOptions.CommitteeMinimum"/> (5), and at least one
/// supervisor (configuration: <c>Wushe:Charity</c>).
/// </summary>
public static class CharityRules
{
    public const int NameMax = 100, PurposeMax = 500, DonorNameMax = 100, ItemsMax = 500, MinutesMax = 100;

    /// <summary>
    /// The charities that may host a fund of <paramref name="areaCode"/>: registered foundations (基金会) of the place or above it
    /// (a city's foundation hosts its communities' funds) or within it — public register data, read across scopes.
    /// </summary>
    public static async Task<List<(Guid Id, string Name)>> HostsAsync(AppDb db, string areaCode, CancellationToken ct = default)
    {
        var foundations = await db.Set<Organization>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(o => o.Kind == OrganizationKind.Foundation && o.Status == OrganizationStatus.Registered)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.AreaCode }).ToListAsync(ct);
        return foundations.Where(o => AreaCode.Covers(o.AreaCode, areaCode) || AreaCode.Covers(areaCode, o.AreaCode)).Select(o => (o.Id, o.Name)).ToList();
    }

    /// <summary>Why the committee of a fund cannot decide now (its members serving on <paramref name="day"/>), or null when it is complete.</summary>
    public static string? CommitteeProblem(IEnumerable<FundCommitteeMember> members, DateOnly day, CharityOptions options)
    {
        var serving = members.Where(m => m.ServesOn(day)).ToList();
        var voting = serving.Count(m => m.Votes);
        var problems = new List<string>();
        if (voting < options.CommitteeMinimum) problems.Add(Lang.T($"在任表决成员 {voting} 人，少于 {options.CommitteeMinimum} 人", $"{voting} voting members serving, fewer than {options.CommitteeMinimum}"));
        else if (options.CommitteeOdd && voting % 2 == 0) problems.Add(Lang.T($"在任表决成员 {voting} 人，应为单数", $"{voting} voting members serving: the number must be odd"));
        if (!serving.Any(m => m.Role == CommitteeRole.Chair)) problems.Add(Lang.T("没有在任主任", "no chair serving"));
        if (!serving.Any(m => m.Role == CommitteeRole.Supervisor)) problems.Add(Lang.T("没有在任监督员", "no supervisor serving"));
        return problems.Count == 0 ? null : string.Join(Lang.T("；", "; "), problems);
    }

    /// <summary>
    /// A fund's status in words, as the public page, the public API and the staff's details show it: an active fund whose committee cannot
    /// decide (<paramref name="committeeFormed"/> false: <see cref="CommitteeProblem"/> today) is 筹建中（管理委员会未组成）, not 运行中 — it
    /// takes donations (<see cref="RecordDonation"/> asks only that the fund be active), but pays nothing (<see cref="SeatRefusal"/>) and
    /// moves nothing out (<see cref="TransferBetweenFunds"/>) until the committee is formed. Else <see cref="CommunityFund.StatusLabel"/>.
    /// </summary>
    public static string StatusLabel(FundStatus status, bool committeeFormed) =>
        status == FundStatus.Active && !committeeFormed ? Lang.T("筹建中（管理委员会未组成）", "Being set up (no management committee yet)") : CommunityFund.StatusLabel(status);

    /// <summary>
    /// Of <paramref name="fundIds"/>, those whose committee can decide on <paramref name="day"/> (<see cref="CommitteeProblem"/> null): one read
    /// of their serving members, past the scope (the public pages read every fund; a staff read passes ids of its scope).
    /// </summary>
    public static async Task<HashSet<Guid>> FormedCommitteesAsync(AppDb db, IReadOnlyCollection<Guid> fundIds, DateOnly day, CharityOptions options, CancellationToken ct = default)
    {
        if (fundIds.Count == 0) return [];
        var members = await db.Set<FundCommitteeMember>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(m => fundIds.Contains(m.FundId) && m.TermFrom <= day && m.TermTo >= day && (m.EndedOn == null || m.EndedOn > day)).ToListAsync(ct);
        return fundIds.Where(id => CommitteeProblem(members.Where(m => m.FundId == id), day, options) is null).ToHashSet();
    }

    /// <summary>
    /// The projects a fund of <paramref name="fundArea"/> may pay for: approved or in progress, of its area or of an area above it (a
    /// township's project serving the community), read in the caller's scope. The request form offers these and the request accepts only these.
    /// </summary>
    public static IQueryable<Projects.Project> ProjectsFor(AppDb db, string fundArea)
    {
        var (low, high) = AreaCode.Range(fundArea);
        var above = Ancestors(fundArea);
        return db.Set<Projects.Project>().Where(p => (p.Status == Projects.ProjectStatus.Approved || p.Status == Projects.ProjectStatus.InProgress)
            && ((string.Compare(p.AreaCode, low) >= 0 && string.Compare(p.AreaCode, high) <= 0) || above.Contains(p.AreaCode)));
    }

    /// <summary>The needs a fund of <paramref name="fundArea"/> may pay for: accepted, matched or in progress, of its area (read in scope).</summary>
    public static IQueryable<Needs.Need> NeedsFor(AppDb db, string fundArea)
    {
        var (low, high) = AreaCode.Range(fundArea);
        return db.Set<Needs.Need>().Where(n => (n.Status == Needs.NeedStatus.Accepted || n.Status == Needs.NeedStatus.Matched || n.Status == Needs.NeedStatus.InProgress)
            && string.Compare(n.AreaCode, low) >= 0 && string.Compare(n.AreaCode, high) <= 0);
    }

    /// <summary>The micro-wishes a fund of <paramref name="fundArea"/> may pay for: on the wall, unclaimed, of its area (read in scope).</summary>
    public static IQueryable<Wishes.Wish> WishesFor(AppDb db, string fundArea)
    {
        var (low, high) = AreaCode.Range(fundArea);
        return db.Set<Wishes.Wish>().Where(w => w.Status == Wishes.WishStatus.Published && string.Compare(w.AreaCode, low) >= 0 && string.Compare(w.AreaCode, high) <= 0);
    }

    /// <summary>The active funds that may pay for something of <paramref name="areaCode"/>: of that area or an area above it (read in scope).</summary>
    public static IQueryable<CommunityFund> FundsCovering(AppDb db, string areaCode)
    {
        var places = Ancestors(areaCode);
        places.Add(areaCode);
        return db.Set<CommunityFund>().Where(f => f.Status == FundStatus.Active && places.Contains(f.AreaCode));
    }

    static List<string> Ancestors(string code)
    {
        var up = new List<string>();
        for (var c = AreaCode.ParentOf(code); c is not null; c = AreaCode.ParentOf(c)) up.Add(c);
        return up;
    }

    /// <summary>
    /// 回避 (DOMAIN.md: a member may not vote on a request they raised or benefit from): the member with account
    /// <paramref name="memberUserId"/> (null without one) and name <paramref name="memberName"/> raised it or is its payee — the name found
    /// anywhere in the payee ("喻委员家属", "喻 委员"), letters and digits compared.
    /// </summary>
    public static bool StandsAside(Guid? memberUserId, string memberName, Guid? raisedById, string payee) =>
        (memberUserId is not null && memberUserId == raisedById) || (Bare(memberName) is { Length: >= 2 } name && Bare(payee).Contains(name, StringComparison.Ordinal));

    /// <summary>A name as compared for 回避: letters and digits only (spaces, punctuation and markup between the characters do not hide it).</summary>
    static string Bare(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    /// <summary>
    /// Why the account <paramref name="userId"/> may not vote on <paramref name="request"/> on <paramref name="day"/> (the page hides the
    /// vote and the API refuses with the same words), or null — then <paramref name="seat"/> is their serving voting seat. In order: not a
    /// serving member (403); a supervisor, who oversees but does not vote (403); the committee incomplete (409); not in voting (409); the
    /// member raised the request or is its payee — 回避 (409); voted already (409).
    /// </summary>
    public static Failure? VoteRefusal(IReadOnlyList<FundCommitteeMember> members, IEnumerable<DisbursementVote> votes, DisbursementRequest request, Guid? userId,
        DateOnly day, CharityOptions options, out FundCommitteeMember? seat)
    {
        seat = members.FirstOrDefault(m => userId != null && m.UserId == userId && m.ServesOn(day));
        if (seat is null) return Failure.Forbidden(Lang.T("您不是本基金在任的管委会成员，不能表决", "You serve on no committee of this fund: you cannot vote"));
        if (!seat.Votes) return Failure.Forbidden(Lang.T("监督员列席监督，不参与表决", "A supervisor attends and oversees but does not vote"));
        return SeatRefusal(members, votes, request, seat, day, options, own: true);
    }

    /// <summary>
    /// Why <paramref name="seat"/> (a serving voting member) may not vote on <paramref name="request"/> now, or null: the committee
    /// incomplete, not in voting, 回避, voted already (all 409) — the same for a member voting online (<paramref name="own"/>: "您…") and
    /// for a meeting's vote recorded by the staff (<see cref="RecordMeetingVote"/>: the member named).
    /// </summary>
    public static Failure? SeatRefusal(IReadOnlyList<FundCommitteeMember> members, IEnumerable<DisbursementVote> votes, DisbursementRequest request,
        FundCommitteeMember seat, DateOnly day, CharityOptions options, bool own)
    {
        if (CommitteeProblem(members, day, options) is { } problem)
            return Failure.Conflict(Lang.T($"管委会暂不能作出决定：{problem}", $"The committee cannot decide yet: {problem}"));
        if (request.Status != DisbursementStatus.Voting)
            return Failure.Conflict(Lang.T($"该申请{DisbursementRequest.StatusLabel(request.Status)}，不再表决", $"This request is {DisbursementRequest.StatusLabel(request.Status)}: no more votes"));
        var who = own ? "您" : seat.Name;
        if (StandsAside(seat.UserId, seat.Name, request.RaisedById, request.Payee))
            return Failure.Conflict(Lang.T($"{who}是该申请的申请人或受益人，应当回避，不参与表决", own ? "You raised this request or benefit from it: you stand aside from the vote"
                : $"{seat.Name} raised this request or benefits from it: they stand aside from the vote"));
        var id = seat.Id;
        if (votes.Any(v => v.MemberId == id))
            return Failure.Conflict(Lang.T($"{who}已表决过该申请", own ? "You have voted on this request already" : $"{seat.Name} has voted on this request already"));
        return null;
    }
}

/// <summary><c>Wushe:Charity</c>: the committee's composition rule.</summary>
public sealed class CharityOptions
{
    /// <summary>The fewest voting members (chair and members) a committee needs: 5.</summary>
    public int CommitteeMinimum { get; set; } = 5;
    /// <summary>Whether the voting members must be an odd number: yes.</summary>
    public bool CommitteeOdd { get; set; } = true;

    /// <summary>The share of the serving voting members whose approval decides (DOMAIN.md: a majority by default): Majority or TwoThirds.</summary>
    public string DecisionRule { get; set; } = "Majority";

    /// <summary>The approvals a request needs with <paramref name="voting"/> serving voting members.</summary>
    public int Needed(int voting) => DecisionRule == "TwoThirds" ? (2 * voting + 2) / 3 : voting / 2 + 1;
}
