using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Competitions;

/// <summary>
/// 选择评审专家: the enabled accounts holding the 评审专家 role (experts have no area: judges may come from anywhere) whose name or user
/// name holds the keyword, or whose mobile is the keyword (11 digits, found by its keyed hash) — at most <see cref="Max"/>, by name.
/// Only what the picker needs: the name and the masked mobile.
/// </summary>
public static class ListExperts
{
    public const int Max = 20;

    public sealed record Query([Label("关键词", "Keyword")] string? Keyword = null);

    public sealed record Expert(Guid UserId, string Name, string? Mobile);

    public static async Task<IReadOnlyList<Expert>> Handle(AppDb db, Sealer sealer, Query q, CancellationToken ct = default)
    {
        var experts = db.Set<User>().AsNoTracking().Where(u => !u.IsDisabled && db.RoleAssignments.Any(a => a.UserId == u.Id && a.Role == Role.Expert));
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            if (Mobile.IsValid(k) && Mobile.Normalize(k) is var mobile)
            {
                var hash = sealer.Hash(SensitiveKind.Phone, mobile);
                experts = experts.Where(u => u.Phone != null && u.Phone.Hash == hash);
            }
            else
            {
                var upper = k.ToUpperInvariant();
                experts = experts.Where(u => u.DisplayName.Contains(k) || u.NormalizedUserName!.Contains(upper));
            }
        }
        return await experts.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(Max)
            .Select(u => new Expert(u.Id, u.DisplayName, u.Phone == null ? null : u.Phone.Masked)).ToListAsync(ct);
    }
}
