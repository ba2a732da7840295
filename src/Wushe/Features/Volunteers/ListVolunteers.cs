using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Volunteers;

/// <summary>
/// The volunteer register of the user's scope (志愿者名册): by area (tree), keyword (name or volunteer number; a full mobile or
/// ID number finds its holder exactly, by keyed hash — never by a prefix of a sealed value), status, skill and source; sorted
/// (registered — newest first, the default —, name, number); paged. Phones masked; ID numbers never listed.
/// </summary>
public static class ListVolunteers
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("状态", "Status")] VolunteerStatus? Status = null,
        [Label("技能特长", "Skill")] VolunteerSkill? Skill = null, [Label("来源", "Source")] VolunteerSource? Source = null,
        string? Sort = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null)
        : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"registered" (newest first, the default), "name", "number".</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["registered", "name", "number"];

    public sealed record Row(Guid Id, string VolunteerNo, string Name, Sex Sex, int Age, string AreaCode, string AreaName, string Phone,
        IReadOnlyList<VolunteerSkill> Skills, VolunteerStatus Status, VolunteerSource Source, bool HasAccount, DateTimeOffset RegisteredAt);

    sealed record Found(Guid Id, string VolunteerNo, string Name, Sex Sex, DateOnly BirthDate, string AreaCode, string Phone, VolunteerSkill Skills,
        VolunteerStatus Status, VolunteerSource Source, bool HasAccount, DateTimeOffset RegisteredAt);

    public static async Task<PageOf<Row>> Handle(AppDb db, Sealer sealer, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var volunteers = db.Set<Volunteer>().Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var keyword = q.Keyword.Trim();
            if (Mobile.IsValid(keyword))
            {
                var hash = sealer.Hash(SensitiveKind.Phone, Mobile.Normalize(keyword));
                volunteers = volunteers.Where(v => v.Phone.Hash == hash);
            }
            else if (ResidentId.IsValid(keyword, ChinaTime.Today(clock)))
            {
                var hash = sealer.Hash(SensitiveKind.IdNumber, ResidentId.Normalize(keyword));
                volunteers = volunteers.Where(v => v.IdNumber.Hash == hash);
            }
            else
            {
                var upper = keyword.ToUpperInvariant();
                volunteers = volunteers.Where(v => v.Name.Contains(keyword) || v.VolunteerNo.Contains(upper));
            }
        }
        if (q.Status is { } status) volunteers = volunteers.Where(v => v.Status == status);
        if (q.Skill is { } skill && skill != 0) volunteers = volunteers.Where(v => (v.Skills & skill) == skill);
        if (q.Source is { } source) volunteers = volunteers.Where(v => v.Source == source);
        volunteers = q.Sort switch
        {
            "name" => volunteers.OrderBy(v => v.Name).ThenBy(v => v.Id),
            "number" => volunteers.OrderBy(v => v.VolunteerNo),
            _ => volunteers.OrderByDescending(v => v.RegisteredAt).ThenByDescending(v => v.Id),
        };
        var found = await volunteers.Select(v => new Found(v.Id, v.VolunteerNo, v.Name, v.Sex, v.BirthDate, v.AreaCode, v.Phone.Masked, v.Skills, v.Status,
            v.Source, v.UserId != null, v.RegisteredAt)).ToPageAsync(q.Page, q.Size, ct);
        var names = await AreaNames.LookupAsync(db, found.Items.Select(f => f.AreaCode).Distinct(), ct);
        var today = ChinaTime.Today(clock);
        return new PageOf<Row>(found.Items.Select(f => new Row(f.Id, f.VolunteerNo, f.Name, f.Sex, ChinaTime.AgeOn(f.BirthDate, today), f.AreaCode,
            names.GetValueOrDefault(f.AreaCode, ""), f.Phone, Volunteer.Split(f.Skills), f.Status, f.Source, f.HasAccount, f.RegisteredAt)).ToList(),
            found.Total, found.Page, found.Size);
    }
}
