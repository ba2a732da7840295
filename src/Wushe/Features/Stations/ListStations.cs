using Wushe.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Localization;

namespace Wushe.Features.Stations;

/// <summary>The station list: search by area (tree), name, level, status and 双站合一; sorted; paged.</summary>
public static class ListStations
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("站点层级", "Level")] StationLevel? Level = null,
        [Label("状态", "Status")] StationStatus? Status = null, [Label("双站合一", "Civilization-practice station")] bool? CivilizationPractice = null,
        string? Sort = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null,
        [Label("五有五统一达标", "Meets 五有五统一")] bool? StandardMet = null) : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"area" (the default: by area code and level), "name", "opened" (newest first).</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["area", "name", "opened"];

    public sealed record Row(Guid Id, string Name, StationLevel Level, string AreaCode, string AreaName, string ContactName, string? ContactPhone,
        DateOnly? OpenedOn, bool IsCivilizationPracticeStation, StationStatus Status, int Stars, int StandardMet, int StandardChecked);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var stations = db.Stations.Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword)) stations = stations.Where(s => s.Name.Contains(q.Keyword.Trim()));
        if (q.Level is { } level) stations = stations.Where(s => s.Level == level);
        if (q.Status is { } status) stations = stations.Where(s => s.Status == status);
        if (q.CivilizationPractice is { } civ) stations = stations.Where(s => s.IsCivilizationPracticeStation == civ);
        if (q.StandardMet is { } met)
            stations = met ? stations.Where(s => s.StandardMet == StandardCheck.Items.Length) : stations.Where(s => s.StandardMet < StandardCheck.Items.Length);
        // Every sort ends with the unique id: rows that tie (same name, same date) keep one order between pages.
        stations = q.Sort switch
        {
            "name" => stations.OrderBy(s => s.Name).ThenBy(s => s.Id),
            "opened" => stations.OrderByDescending(s => s.OpenedOn).ThenBy(s => s.AreaCode).ThenBy(s => s.Id),
            _ => stations.OrderBy(s => s.AreaCode).ThenBy(s => s.Level).ThenBy(s => s.Id),
        };
        var published = await RatingRounds.Visible(db, db.Actor.Active?.AreaCode).Where(r => r.Status == RatingRoundStatus.Published).Select(r => r.Id).ToListAsync(ct);
        var rows = from s in stations
                   join a in db.Areas on s.AreaCode equals a.Code into named
                   from a in named.DefaultIfEmpty()
                   select new Row(s.Id, s.Name, s.Level, s.AreaCode, a == null ? "" : a.Name, s.ContactName, s.ContactPhone!.Masked, s.OpenedOn,
                       s.IsCivilizationPracticeStation, s.Status,
                       db.Set<StationRating>().Where(r => r.StationId == s.Id && published.Contains(r.RoundId))
                           .OrderByDescending(r => r.UpdatedAt).Select(r => r.Stars).FirstOrDefault(),
                       s.StandardMet, s.StandardChecked);
        return await rows.ToPageAsync(q.Page, q.Size, ct);
    }
}
