using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>
/// 小组成员: registered residents who live under the group's area (a township group takes residents of its communities).
/// Adding one already a member changes nothing; a finished group's members are kept as they were (409).
/// </summary>
public static class GroupMembers
{
    public sealed record AddRequest([Label("居民", "Residents")] List<Guid>? ResidentIds);

    /// <summary>How many residents this request added or removed, and the group's members after it.</summary>
    public sealed record Changed(int Count, int Members);

    /// <summary>A resident found for adding (masked: the ID number's first 4 and last 4).</summary>
    public sealed record Candidate(Guid Id, string Name, Sex Sex, int Age, string? IdNumber, string AreaCode, bool IsMember);

    public const int MaxPerRequest = 100;

    public static async Task<Result<Changed>> Add(AppDb db, TimeProvider clock, Guid groupId, AddRequest r, CancellationToken ct = default)
    {
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null) return Failure.NotFound();
        var ids = (r.ResidentIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return Failure.Invalid("residentIds", Lang.T("请至少选择一名居民", "Choose at least one resident"));
        if (ids.Count > MaxPerRequest) return Failure.Invalid("residentIds", Lang.T($"一次最多添加 {MaxPerRequest} 名居民", $"At most {MaxPerRequest} residents at a time"));
        // The scope filter keeps residents outside the user's area out; Under keeps those outside the group's area out.
        var found = await HouseholdLookups.ActiveResidents(db).Under(group.AreaCode).Where(x => ids.Contains(x.Id))
            .Select(x => x.Id).ToListAsync(ct);
        if (found.Count != ids.Count)
            return Failure.Invalid("residentIds", Lang.T("所选居民不存在、已迁出或不在本小组所在区划内", "A chosen resident does not exist, has left, or lives outside the group's area"));
        if (group.Status == GroupStatus.Finished) return Failure.Conflict(Lang.T("小组已结束，不能调整成员", "The group is finished; its members cannot change"));
        var already = await db.Set<GroupMember>().Where(m => m.GroupId == groupId && ids.Contains(m.ResidentId)).Select(m => m.ResidentId).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        var added = ids.Except(already).ToList();
        foreach (var id in added) db.Add(new GroupMember(group, id, today));
        if (await db.SaveOrFindDuplicateAsync(ct) is not null) return UniqueKeys.Conflict();
        return new Changed(added.Count, await db.Set<GroupMember>().CountAsync(m => m.GroupId == groupId, ct));
    }

    public static async Task<Result<Changed>> Remove(AppDb db, Guid groupId, Guid residentId, CancellationToken ct = default)
    {
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null) return Failure.NotFound();
        var member = await db.Set<GroupMember>().FirstOrDefaultAsync(m => m.GroupId == groupId && m.ResidentId == residentId, ct);
        if (member is null) return Failure.NotFound();
        if (group.Status == GroupStatus.Finished) return Failure.Conflict(Lang.T("小组已结束，不能调整成员", "The group is finished; its members cannot change"));
        // Sessions already held keep their attendance: their service records stand.
        db.Remove(member);
        await db.SaveChangesAsync(ct);
        return new Changed(1, await db.Set<GroupMember>().CountAsync(m => m.GroupId == groupId, ct));
    }

    /// <summary>
    /// Residents to add: active residents under the group's area whose name contains <paramref name="term"/>, or whose ID number
    /// ends with it (4 characters, digits or X). At most 20, members first marked.
    /// </summary>
    public static async Task<Result<List<Candidate>>> Search(AppDb db, TimeProvider clock, Guid groupId, string? term, CancellationToken ct = default)
    {
        var group = await db.Set<Group>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null) return Failure.NotFound();
        term = term?.Trim();
        if (string.IsNullOrEmpty(term)) return new List<Candidate>();
        if (term.Length > 50) return Failure.Invalid("term", Lang.T("查询内容长度不能超过 50", "The search is at most 50 characters"));
        var residents = HouseholdLookups.ActiveResidents(db).AsNoTracking().Under(group.AreaCode);
        var tail = term.ToUpperInvariant();
        residents = tail.Length == 4 && tail.All(c => char.IsAsciiDigit(c) || c == 'X')
            ? residents.Where(x => x.IdTail == tail || x.Name.Contains(term))
            : residents.Where(x => x.Name.Contains(term));
        var today = ChinaTime.Today(clock);
        var rows = await residents.OrderBy(x => x.Name).ThenBy(x => x.Id).Take(20)
            .Select(x => new { x.Id, x.Name, x.Sex, x.BirthDate, Id4 = x.IdNumber!.Masked, x.AreaCode,
                IsMember = db.Set<GroupMember>().Any(m => m.GroupId == groupId && m.ResidentId == x.Id) })
            .ToListAsync(ct);
        return rows.Select(x => new Candidate(x.Id, x.Name, x.Sex, ChinaTime.AgeOn(x.BirthDate, today), x.Id4, x.AreaCode, x.IsMember)).ToList();
    }
}
