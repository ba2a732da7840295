using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;

namespace Wushe.Features.Charity;

/// <summary>
/// The fund rules of DOMAIN.md ("Community charity funds") in one place: who may host a fund, how it is named, and whether its
/// committee is complete — an odd number of voting members, at least <see cref="CharityOptions.CommitteeMinimum"/> (5), and at least one
/// supervisor (configuration: <c>Wushe:Charity</c>).
/// </summary>
public static class CharityRules
{
    public const int NameMax = 100, PurposeMax = 500, DonorNameMax = 100, ItemsMax = 500;

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
}

/// <summary><c>Wushe:Charity</c>: the committee's composition rule.</summary>
public sealed class CharityOptions
{
    /// <summary>The fewest voting members (chair and members) a committee needs: 5.</summary>
    public int CommitteeMinimum { get; set; } = 5;
    /// <summary>Whether the voting members must be an odd number: yes.</summary>
    public bool CommitteeOdd { get; set; } = true;
}
