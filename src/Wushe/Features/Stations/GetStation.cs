using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>One station with its staff, funding, current checklist, ratings and recent supervision.</summary>
public static class GetStation
{
    public sealed record Details(Guid Id, string Name, StationLevel Level, string AreaCode, string AreaName, string AreaPath, string Address,
        string ContactName, string? ContactPhone, DateOnly? OpenedOn, bool IsCivilizationPracticeStation, StationStatus Status, int Version,
        IReadOnlyList<StaffMember> Staff, IReadOnlyList<Purchase> Purchases, IReadOnlyList<GetChecklist.Item> Checklist,
        IReadOnlyList<RatingResult> Ratings, IReadOnlyList<ListSupervisions.Row> Supervisions);

    public sealed record StaffMember(Guid UserId, string DisplayName, string? Phone, string Position, DateOnly JoinedOn, bool IsHead = false);

    public sealed record Purchase(Guid Id, string Purchaser, string Provider, string ContractNo, long AmountFen, DateOnly StartOn, DateOnly EndOn, FundingSource Source);

    public sealed record RatingResult(Guid RoundId, string RoundName, int Year, int? SelfTotal, int? ReviewTotal, string? LevelName, int Stars, bool Published);

    public static async Task<Result<Details>> Handle(AppDb db, Guid id, CancellationToken ct = default)
    {
        var s = await db.Stations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Failure.NotFound();
        var path = await AreaPath(db, s.AreaCode, ct);
        var staff = await (from m in db.Set<StationStaff>().Where(m => m.StationId == id)
                           join u in db.Users on m.UserId equals u.Id
                           orderby m.JoinedOn, m.Id
                           select new StaffMember(u.Id, u.DisplayName, u.Phone!.Masked, m.Position, m.JoinedOn, m.IsHead)).ToListAsync(ct);
        var purchases = await db.Set<ServicePurchase>().Where(p => p.StationId == id).OrderByDescending(p => p.StartOn).ThenByDescending(p => p.Id)
            .Select(p => new Purchase(p.Id, p.Purchaser, p.Provider, p.ContractNo, p.AmountFen, p.StartOn, p.EndOn, p.Source)).ToListAsync(ct);
        var results = await db.Set<StationRating>().Where(r => r.StationId == id).ToListAsync(ct);
        var roundIds = results.Select(r => r.RoundId).ToList();
        var rounds = await RatingRounds.Visible(db, s.AreaCode).Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var ratings = results.Where(r => rounds.ContainsKey(r.RoundId)).Select(r => (r, round: rounds[r.RoundId])).OrderByDescending(x => x.round.Year).ThenBy(x => x.round.Name).ThenBy(x => x.round.Id)
            .Select(x => new RatingResult(x.round.Id, x.round.Name, x.round.Year, x.r.SelfTotal, x.r.ReviewTotal, x.r.LevelName, x.r.Stars, x.round.Status == RatingRoundStatus.Published))
            .ToList();
        var checklist = await GetChecklist.Current(db, id, ct);
        var supervisions = (await ListSupervisions.Handle(db, new ListSupervisions.Query(StationId: id, Size: 10), ct)).Items;
        return new Details(s.Id, s.Name, s.Level, s.AreaCode, path.Count > 0 ? path[^1] : "", string.Join(" / ", path), s.Address, s.ContactName,
            s.ContactPhone?.Masked, s.OpenedOn, s.IsCivilizationPracticeStation, s.Status, s.Version, staff, purchases, checklist, ratings, supervisions);
    }

    /// <summary>Names from the province down to the area itself (names only, for orientation).</summary>
    public static Task<List<string>> AreaPath(AppDb db, string code12, CancellationToken ct = default) => Areas.AreaNames.PathAsync(db, code12, ct);
}
