using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Needs;
using Wushe.Platform;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// One household in the user's scope (404 otherwise): its record, members with masked sensitive values, their tags and
/// consents, and the needs raised for it. Health notes are not included: they are revealed like ID numbers.
/// </summary>
public static class GetHousehold
{
    public sealed record Member(Guid Id, string Name, Sex Sex, DateOnly BirthDate, int Age, Relation Relation, ResidentStatus Status,
        string? IdNumber, string? Phone, bool HasHealthNote, string GuardianName, string GuardianRelation, string? GuardianPhone,
        IReadOnlyList<Tag> Tags, bool NeedsGuardianConsent, bool HasGuardianConsent, int Version = 0);

    public sealed record Tag(Guid Id, string Name, string NameEn, TargetGroupKind Kind);

    public sealed record ConsentRow(Guid Id, Guid ResidentId, string ResidentName, string ConsentedBy, string Relation, bool ByGuardian,
        ConsentScope Scope, DateOnly GivenOn, DateOnly? WithdrawnOn, string RecordedByName, bool WithdrawErases);

    public sealed record NeedRow(Guid Id, string NeedNo, string Title, NeedCategory Category, NeedUrgency Urgency, NeedStatus Status, DateTimeOffset RaisedAt, string RaisedByName);

    public sealed record Details(Guid Id, string AreaCode, string AreaName, string Address, string HeadName, int MemberCount, HouseholdStatus Status,
        Guid? CardSchemeId, string? CardColour, string? CardName, string? CardHex, int VisitEveryDays, Guid? WorkerId, string WorkerName,
        DateOnly? LastVisitedOn, DateOnly? NextDueOn, DateOnly? MajorChangeOn, DueState DueState, int DaysOverdue, DateTimeOffset CreatedAt,
        IReadOnlyList<Member> Members, IReadOnlyList<ConsentRow> Consents, IReadOnlyList<NeedRow> Needs,
        ClosureReason? ClosedReason = null, DateOnly? ClosedOn = null, string ClosedNote = "", int Version = 0,
        DateOnly? MovedOn = null, string? MovedFromAreaCode = null, string? MovedFrom = null, DateOnly? ReopenedOn = null, string ReopenReason = "");

    public static async Task<Result<Details>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        var h = await db.Set<Household>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return Failure.NotFound();
        var today = ChinaTime.Today(clock);
        var residents = await db.Set<Resident>().AsNoTracking().Where(r => r.HouseholdId == id)
            .OrderBy(r => r.Relation).ThenBy(r => r.BirthDate).ThenBy(r => r.Id).ToListAsync(ct);
        var tags = await (from t in db.Set<ResidentTag>().IgnoreQueryFilters(AppDb.Unscoped)
                          join g in db.Set<TargetGroup>().IgnoreQueryFilters([AppDb.ScopeFilter]) on t.TargetGroupId equals g.Id
                          where t.HouseholdId == id
                          orderby g.Order, g.Name
                          select new { t.ResidentId, Tag = new Tag(g.Id, g.Name, g.NameEn, g.Kind) }).ToListAsync(ct);
        // Driven from the members' ids (index ResidentId): an EXISTS from the consents scanned every consent in the scope.
        var memberIds = residents.Select(r => r.Id).ToList();
        var consents = await db.Set<Consent>().AsNoTracking().Where(c => memberIds.Contains(c.ResidentId))
            .OrderByDescending(c => c.RecordedAt).ToListAsync(ct);
        var needs = await db.Set<Need>().AsNoTracking().Where(n => n.HouseholdId == id).OrderByDescending(n => n.RaisedAt).Take(50)
            .Select(n => new NeedRow(n.Id, n.NeedNo, n.Title, n.Category, n.Urgency, n.Status, n.RaisedAt, n.RaisedByName)).ToListAsync(ct);
        var area = await db.Areas.Where(a => a.Code == h.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        var cards = await CardNames.LoadAsync(db, [h.CardSchemeId], ct);
        var names = residents.ToDictionary(r => r.Id, r => r.Name);
        var members = residents.Select(r =>
        {
            var age = ChinaTime.AgeOn(r.BirthDate, today);
            var consented = Consents.HasGuardianConsent(consents, r.Id, r.GuardianName);
            // A child under 14 without the guardian's consent in force: the child's own sensitive values are not shown, even masked.
            var shown = age >= ResidentFields.ConsentAge || consented;
            return new Member(r.Id, r.Name, r.Sex, r.BirthDate, age, r.Relation, r.Status, shown ? r.IdNumber?.Masked : null, shown ? r.Phone?.Masked : null,
                shown && r.HealthNote.Length > 0, r.GuardianName, r.GuardianRelation, r.GuardianPhone?.Masked, [.. tags.Where(t => t.ResidentId == r.Id).Select(t => t.Tag)],
                age < ResidentFields.ConsentAge, consented, r.Version);
        }).ToList();
        var byId = residents.ToDictionary(r => r.Id);
        // Withdrawing this consent erases the child's sensitive fields (RecordConsent.Withdraw): the page says so before.
        bool Erases(Consent c) => c.WithdrawnOn is null && byId.TryGetValue(c.ResidentId, out var r)
            && RecordConsent.Erases(r, consents, c.Id, tags.Any(t => t.ResidentId == r.Id), today);
        var rows = consents.Select(c => new ConsentRow(c.Id, c.ResidentId, names.GetValueOrDefault(c.ResidentId, ""), c.ConsentedBy, c.Relation, c.ByGuardian,
            c.Scope, c.GivenOn, c.WithdrawnOn, c.RecordedByName, Erases(c))).ToList();
        // The community it moved from (12 digits) and its name with its township's ("市西街道 第1社区"), for "由 … 迁入".
        var movedFrom = h.MovedFromAreaCode is { } from ? await MoveHousehold.FromNameAsync(db, from, ct) : null;
        var state = h.Status == HouseholdStatus.Closed ? DueState.None : VisitPlan.State(h.NextDueOn, today);
        return new Details(h.Id, h.AreaCode, area, h.Address, h.HeadName, h.MemberCount, h.Status, h.CardSchemeId, h.CardColour, cards.Name(h.CardSchemeId, h.CardColour, h.CardName), cards.Hex(h.CardSchemeId, h.CardColour),
            h.VisitEveryDays, h.WorkerId, h.WorkerName, h.LastVisitedOn, h.NextDueOn, h.MajorChangeOn, state, VisitPlan.DaysOverdue(h.NextDueOn, today),
            h.CreatedAt, members, rows, needs, h.ClosedReason, h.ClosedOn, h.ClosedNote, h.Version,
            h.MovedOn, h.MovedFromAreaCode, movedFrom, h.ReopenedOn, h.ReopenReason);
    }
}
