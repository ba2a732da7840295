using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Features.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>
/// 志愿服务证明 of the user's scope (the volunteers' communities): by area (tree), keyword (certificate number, volunteer number, or a part
/// of the name), status and China dates of issue; newest first; paged. <see cref="Get"/>: one of the scope (another area's is 404).
/// </summary>
public static class ListVolunteerCertificates
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("状态", "Status")] CertificateStatus? Status = null,
        [Label("志愿者", "Volunteer")] Guid? VolunteerId = null,
        [Label("开始日期", "From")] DateOnly? From = null, [Label("结束日期", "To")] DateOnly? To = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, string Number, Guid VolunteerId, string VolunteerName, string VolunteerNo, string AreaName, DateOnly PeriodFrom, DateOnly PeriodTo,
        int Minutes, int Records, string IssuerName, bool SelfService, string IssuedByName, DateTimeOffset IssuedAt, CertificateStatus Status, string RevokeReason,
        DateTimeOffset? RevokedAt, string RevokedByName, int Version);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var certificates = db.Set<VolunteerCertificate>().Under(q.Area);
        if (q.Status is { } s) certificates = certificates.Where(c => c.Status == s);
        if (q.VolunteerId is { } v) certificates = certificates.Where(c => c.VolunteerId == v);
        if (q.From is { } from) certificates = certificates.Where(c => c.IssuedOn >= from);
        if (q.To is { } to) certificates = certificates.Where(c => c.IssuedOn <= to);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            var upper = k.ToUpperInvariant();
            certificates = certificates.Where(c => c.Number == upper || c.VolunteerNo == upper || c.VolunteerName.Contains(k));
        }
        var found = await certificates.OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id).ToPageAsync(q.Page, q.Size, ct);
        return new PageOf<Row>(await RowsAsync(db, found.Items, ct), found.Total, found.Page, found.Size);
    }

    public static async Task<List<Row>> RowsAsync(AppDb db, IReadOnlyList<VolunteerCertificate> items, CancellationToken ct)
    {
        var names = await AreaNames.LookupAsync(db, items.Select(c => c.AreaCode).Distinct(), ct);
        return [.. items.Select(c => new Row(c.Id, c.Number, c.VolunteerId, c.VolunteerName, c.VolunteerNo, names.GetValueOrDefault(c.AreaCode, ""), c.PeriodFrom, c.PeriodTo,
            c.Minutes, c.Records, c.IssuerName, c.SelfService, c.IssuedByName, c.IssuedAt, c.Status, c.RevokeReason, c.RevokedAt, c.RevokedByName, c.Version))];
    }

    /// <summary>One certificate of the scope with what was printed (the ID masked as printed).</summary>
    public sealed record Detail(Row Certificate, CertificateContent Printed);

    public static async Task<Result<Detail>> Get(AppDb db, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<VolunteerCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return Failure.NotFound();
        return new Detail((await RowsAsync(db, [c], ct))[0], c.Printed());
    }
}
