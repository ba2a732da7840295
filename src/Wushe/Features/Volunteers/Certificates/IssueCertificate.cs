using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Stations;
using Wushe.Features.Volunteers.Activities;
using Wushe.Features.Volunteers.Hours;
using Wushe.Platform;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>
/// 出具志愿服务证明: issued at once from the volunteer's <b>final</b> hour records (<see cref="HourRecordStatus.Final"/>, wherever served;
/// a correction counts with the record it corrects) whose China service date lies in the period — from ≤ to, to not after today, at most
/// <see cref="MaxYears"/> years. A period without final hours is refused (409), nothing saved. Staff with
/// <see cref="VolunteersPermissions.Organize"/> issue for a volunteer of their scope (<see cref="Handle"/>; another area's is 404); a
/// volunteer for themselves (<see cref="Mine"/>).
/// <para>The issuer (出具单位, DOMAIN.md: "whoever organises records, whoever records certifies" — the register's keepers certify the
/// sum): for a station worker, their station; for community staff, their community (its name as the division list writes it, 社区居委会 /
/// 村委会); for a volunteer's own request, the social-work station of the township they live in — the station keeps the township's
/// volunteer service — else their community. The station's contact person is the responsible person (负责人) and its address the contact
/// unless staff give others; the handler (经办人) is the staff member, or 本人线上申请 for the volunteer's own.</para>
/// <para>The same volunteer, period and hours already certified by a valid certificate: that one is answered again (no second number).</para>
/// </summary>
public static class IssueCertificate
{
    public const int MaxYears = 5;
    public const string IdType = "居民身份证";

    public sealed record Request(
        [property: Label("志愿者", "Volunteer")] Guid? VolunteerId = null,
        [property: Label("服务期间起", "From")] DateOnly? From = null,
        [property: Label("服务期间止", "To")] DateOnly? To = null,
        [property: Label("负责人", "Responsible person")] string? ResponsiblePerson = null,
        [property: Label("联系方式", "Contact")] string? Contact = null);

    public sealed record MyRequest(
        [property: Label("服务期间起", "From")] DateOnly? From = null,
        [property: Label("服务期间止", "To")] DateOnly? To = null);

    /// <param name="Existing">A valid certificate of the same period and hours existed and is answered instead.</param>
    public sealed record Issued(Guid Id, string Number, int Minutes, string IssuerName, bool Existing);

    /// <summary>The period's own rules (pure): from ≤ to, to not in the future, at most <see cref="MaxYears"/> years.</summary>
    public static Errors Validate(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var errors = new Errors();
        if (from is null) errors.Add("from", Lang.T("请选择服务期间的开始日期", "Choose the first day of the period"));
        if (to is null) errors.Add("to", Lang.T("请选择服务期间的结束日期", "Choose the last day of the period"));
        else if (to > today) errors.Add("to", Lang.T("结束日期不能晚于今天", "The last day cannot be in the future"));
        if (from is { } f && to is { } t)
        {
            if (f > t) errors.Add("from", Lang.T("开始日期不能晚于结束日期", "The first day cannot be after the last"));
            else if (f < t.AddYears(-MaxYears).AddDays(1)) errors.Add("from", Lang.T($"服务期间最长 {MaxYears} 年", $"The period can be at most {MaxYears} years"));
        }
        return errors;
    }

    public static async Task<Result<Issued>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Sealer sealer, string verifyBase, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r.From, r.To, ChinaTime.Today(clock))
            .Text("responsiblePerson", r.ResponsiblePerson, "负责人", "Responsible person", 0, 30, required: false)
            .Text("contact", r.Contact, "联系方式", "Contact", 0, 60, required: false);
        if (r.VolunteerId is null) errors.Add("volunteerId", Lang.T("请选择志愿者", "Choose the volunteer"));
        if (errors.Any) return errors.ToFailure();
        // The register of the scope: another area's volunteer is 404.
        if (await db.Set<Volunteer>().FirstOrDefaultAsync(v => v.Id == r.VolunteerId, ct) is not { } volunteer) return Failure.NotFound();
        var issuer = await StaffIssuerAsync(db, sealer, user, volunteer, ct);
        if (!string.IsNullOrWhiteSpace(r.ResponsiblePerson)) issuer = issuer with { ResponsiblePerson = r.ResponsiblePerson.Trim() };
        if (!string.IsNullOrWhiteSpace(r.Contact)) issuer = issuer with { Contact = r.Contact.Trim() };
        var handler = await Workers.NameAsync(db, user, ct);
        return await IssueAsync(db, user, clock, verifyBase, volunteer, r.From!.Value, r.To!.Value, issuer, handler, selfService: false, ct);
    }

    /// <summary>The signed-in volunteer's own request; 404 for an account without a registration.</summary>
    public static async Task<Result<Issued>> Mine(AppDb db, CurrentUser user, TimeProvider clock, Sealer sealer, string verifyBase, MyRequest r, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } volunteer) return Failure.NotFound();
        var errors = Validate(r.From, r.To, ChinaTime.Today(clock));
        if (errors.Any) return errors.ToFailure();
        var issuer = await StationIssuerAsync(db, sealer, volunteer.AreaCode, ct);
        // The volunteer's scope holds no records: the certificate is written in their own community, for this record only.
        db.ActingAs(user.ActingOn(volunteer.AreaCode));
        return await IssueAsync(db, user, clock, verifyBase, volunteer, r.From!.Value, r.To!.Value, issuer, Lang.T("本人线上申请", "Requested online by the volunteer"),
            selfService: true, ct);
    }

    public sealed record Issuer(string Name, string ResponsiblePerson, string Contact);

    /// <summary>A station as the issuer: its name, its contact person and, as 联系方式, its contact phone (the station's public line, opened
    /// from its seal for the document) followed by its address; the address alone when it has no phone.</summary>
    static Issuer StationIssuer(Sealer sealer, string name, string contactName, SealedValue? phone, string address) =>
        new(name, contactName, string.Join(" ", new[] { phone is null ? "" : sealer.Open(phone), address }.Where(p => p.Length > 0)));

    static async Task<Issuer> StaffIssuerAsync(AppDb db, Sealer sealer, CurrentUser user, Volunteer volunteer, CancellationToken ct)
    {
        if (user.Active is { Role: Role.StationWorker } a
            && await db.Set<Station>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(s => s.AreaCode == a.AreaCode && s.Status == StationStatus.Active)
                .OrderBy(s => s.Level).Select(s => new { s.Name, s.ContactName, s.ContactPhone, s.Address }).FirstOrDefaultAsync(ct) is { } station)
            return StationIssuer(sealer, station.Name, station.ContactName, station.ContactPhone, station.Address);
        if (user.Active is { Role: Role.CommunityStaff } c)
            return new Issuer(await AreaNameAsync(db, c.AreaCode, ct), "", "");
        return await StationIssuerAsync(db, sealer, volunteer.AreaCode, ct);
    }

    /// <summary>The active station of the township of <paramref name="community"/>, else the community itself.</summary>
    static async Task<Issuer> StationIssuerAsync(AppDb db, Sealer sealer, string community, CancellationToken ct)
    {
        var township = community[..9] + "000";
        return await db.Set<Station>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(s => s.AreaCode == township && s.Status == StationStatus.Active)
                .Select(s => new { s.Name, s.ContactName, s.ContactPhone, s.Address }).FirstOrDefaultAsync(ct) is { } s
            ? StationIssuer(sealer, s.Name, s.ContactName, s.ContactPhone, s.Address)
            : new Issuer(await AreaNameAsync(db, community, ct), "", "");
    }

    static async Task<string> AreaNameAsync(AppDb db, string code, CancellationToken ct) =>
        (await AreaNames.LookupAsync(db, [code], ct)).GetValueOrDefault(code) is { Length: > 0 } name ? name : code;

    /// <summary>The lines of service of a volunteer's final records in the period: a record with its corrections, newest first; lines that come to nothing left out.</summary>
    public static async Task<List<CertificateServiceLine>> LinesAsync(AppDb db, Guid volunteerId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var records = await db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(h => h.VolunteerId == volunteerId && h.Status == HourRecordStatus.Final && h.ServiceDate >= from && h.ServiceDate <= to)
            .Select(h => new { h.Id, h.CorrectsId, h.ServiceDate, h.Content, h.OrganizerName, h.Minutes, h.StartedAt }).ToListAsync(ct);
        var ids = records.Select(h => h.Id).ToHashSet();
        return [.. records.GroupBy(h => h.CorrectsId is { } of && ids.Contains(of) ? of : h.Id)
            .Select(g =>
            {
                var first = g.FirstOrDefault(h => h.Id == g.Key) ?? g.First();
                return (first.StartedAt, Line: new CertificateServiceLine(first.ServiceDate, first.Content, first.OrganizerName, g.Sum(h => h.Minutes)));
            })
            .Where(x => x.Line.Minutes > 0).OrderByDescending(x => x.StartedAt).Select(x => x.Line)];
    }

    /// <summary>服务内容 in a sentence: how many services, the kinds of service most served (by hours), and the organizers.</summary>
    public static string Summary(IReadOnlyList<CertificateServiceLine> lines)
    {
        var contents = lines.GroupBy(l => l.Activity).OrderByDescending(g => g.Sum(l => l.Minutes)).Select(g => g.Key).Take(5).ToList();
        var organizers = lines.GroupBy(l => l.Organizer).OrderByDescending(g => g.Sum(l => l.Minutes)).Select(g => g.Key).Take(3).ToList();
        var text = $"参加{string.Join("、", organizers)}等组织的志愿服务 {lines.Count} 次，主要服务内容：{string.Join("、", contents)}"
            + (lines.Select(l => l.Activity).Distinct().Count() > contents.Count ? "等。" : "。");
        return text.Length <= 500 ? text : text[..499] + "…";
    }

    static async Task<Result<Issued>> IssueAsync(AppDb db, CurrentUser user, TimeProvider clock, string verifyBase, Volunteer volunteer, DateOnly from, DateOnly to,
        Issuer issuer, string handler, bool selfService, CancellationToken ct)
    {
        // Two requests for one volunteer at once (a double-submit) queue on the volunteer's row: the second finds the first's
        // certificate and is answered with it, instead of a second number for the same period.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await Activities.SignUps.LockVolunteerAsync(db, volunteer.Id, ct);
        var lines = await LinesAsync(db, volunteer.Id, from, to, ct);
        if (lines.Count == 0)
            return Failure.Conflict(Lang.T($"{ChinaTime.Format(from)} 至 {ChinaTime.Format(to)} 期间没有已生效的志愿服务记录，不能出具证明（公示中的记录生效后才计入）",
                $"No final hour records from {ChinaTime.Format(from)} to {ChinaTime.Format(to)}: no certificate can be issued (posted records count once final)"));
        var minutes = lines.Sum(l => l.Minutes);
        if (await db.Set<VolunteerCertificate>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
                .Where(c => c.VolunteerId == volunteer.Id && c.Status == CertificateStatus.Valid && c.PeriodFrom == from && c.PeriodTo == to && c.Minutes == minutes)
                .Select(c => new Issued(c.Id, c.Number, c.Minutes, c.IssuerName, true)).FirstOrDefaultAsync(ct) is { } existing)
            return existing;

        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var summary = Summary(lines);
        var byName = selfService ? volunteer.Name : handler;
        var (sequence, number) = await NextNumberAsync(db, today.Year, ct);
        var certificate = new VolunteerCertificate(volunteer.AreaCode, today.Year, sequence, number, volunteer.Id, volunteer.Name, volunteer.VolunteerNo, from, to,
            minutes, lines.Count, summary, issuer.Name.Length <= 60 ? issuer.Name : issuer.Name[..60], selfService, user.Id, byName.Length <= 50 ? byName : byName[..50], now, today);
        certificate.Print(new CertificateContent(number, today, volunteer.Name, IdType, volunteer.IdNumber.Masked, volunteer.VolunteerNo, from, to, minutes, lines,
            summary, issuer.Name, Or(issuer.ResponsiblePerson), handler, Or(issuer.Contact), null, VerifyUrl(verifyBase, number)));
        for (var attempt = 0; ; attempt++)
        {
            db.Add(certificate);
            if (await db.SaveOrFindDuplicateAsync(ct) is not { } columns) break;
            if (attempt >= 8) return UniqueKeys.Conflict();
            (sequence, number) = await NextNumberAsync(db, today.Year, ct);
            certificate.Renumber(sequence, number, VerifyUrl(verifyBase, number));
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return new Issued(certificate.Id, certificate.Number, certificate.Minutes, certificate.IssuerName, false);
    }

    static string Or(string value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();

    /// <summary>Where the certificate is verified: the public page with its number (what the QR code holds).</summary>
    public static string VerifyUrl(string verifyBase, string number) => $"{verifyBase.TrimEnd('/')}/Volunteers/Certificates/Verify?no={Uri.EscapeDataString(number)}";

    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The next sequence of the year across the platform and its number ZYFW-year-sequence-four random characters.</summary>
    static async Task<(int Sequence, string Number)> NextNumberAsync(AppDb db, int year, CancellationToken ct)
    {
        var last = await db.Set<VolunteerCertificate>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.Year == year)
            .MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
        var check = string.Concat(Enumerable.Range(0, 4).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
        return (last + 1, $"ZYFW-{year}-{last + 1:000000}-{check}");
    }

    /// <summary>A number as typed: trimmed, upper case, inner spaces dropped.</summary>
    public static string? Normalize(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null : string.Concat(number.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
