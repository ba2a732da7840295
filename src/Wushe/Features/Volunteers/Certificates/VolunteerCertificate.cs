using System.Text.Json;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Certificates;

public enum CertificateStatus
{
    /// <summary>有效.</summary>
    Valid = 1,
    /// <summary>已作废: revoked by staff with a reason; the verification page says so.</summary>
    Revoked = 2,
}

/// <summary>
/// 志愿服务证明 (民政部令第67号《志愿服务记录与证明出具办法》; DOMAIN.md "Volunteers"): issued at once from the volunteer's <b>final</b> hour
/// records of a period. Its area is the volunteer's community (whose register holds them), so the staff who keep the register keep its
/// certificates. What was printed is kept as it was (<see cref="Snapshot"/>, the <see cref="CertificateContent"/> as JSON): a reprint
/// gives the same document whatever happens to the records, the register or the issuer afterwards. Nothing changes after issue but the
/// status: a wrong certificate is revoked with a reason (已作废) and a new one issued.
/// </summary>
public sealed class VolunteerCertificate : IAreaScoped
{
    private VolunteerCertificate()
    {
        AreaCode = Number = VolunteerName = VolunteerNo = ServiceSummary = IssuerName = IssuedByName = RevokeReason = RevokedByName = Snapshot = "";
    }

    public VolunteerCertificate(string areaCode, int year, int sequence, string number, Guid volunteerId, string volunteerName, string volunteerNo,
        DateOnly periodFrom, DateOnly periodTo, int minutes, int records, string serviceSummary, string issuerName, bool selfService,
        Guid? issuedById, string issuedByName, DateTimeOffset issuedAt, DateOnly issuedOn)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Year = year;
        Sequence = sequence;
        Number = number;
        VolunteerId = volunteerId;
        VolunteerName = volunteerName;
        VolunteerNo = volunteerNo;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        Minutes = minutes;
        Records = records;
        ServiceSummary = serviceSummary;
        IssuerName = issuerName;
        SelfService = selfService;
        IssuedById = issuedById;
        IssuedByName = issuedByName;
        IssuedAt = issuedAt.ToUniversalTime();
        IssuedOn = issuedOn;
        Status = CertificateStatus.Valid;
        RevokeReason = RevokedByName = Snapshot = "";
    }

    public Guid Id { get; private set; }
    /// <summary>The volunteer's community when issued.</summary>
    public string AreaCode { get; private set; }
    /// <summary>The year (China time) and the platform-wide sequence within it that <see cref="Number"/> carries (unique together).</summary>
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    /// <summary>证明编号: ZYFW-2026-000123-K7QP — year, sequence and four random characters, so numbers cannot be walked on the public page.</summary>
    public string Number { get; private set; }
    public Guid VolunteerId { get; private set; }
    /// <summary>The name and volunteer number as printed.</summary>
    public string VolunteerName { get; private set; }
    public string VolunteerNo { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    /// <summary>Final minutes of the period as printed.</summary>
    public int Minutes { get; private set; }
    /// <summary>The services (hour records with their corrections) counted.</summary>
    public int Records { get; private set; }
    public string ServiceSummary { get; private set; }
    /// <summary>出具单位.</summary>
    public string IssuerName { get; private set; }
    /// <summary>Requested by the volunteer on their own page (自助出具) rather than by staff.</summary>
    public bool SelfService { get; private set; }
    public Guid? IssuedById { get; private set; }
    public string IssuedByName { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public CertificateStatus Status { get; private set; }
    public string RevokeReason { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string RevokedByName { get; private set; }
    /// <summary>The printed content (<see cref="CertificateContent"/> as JSON, the seal left out: it is drawn), rendered again for every download.</summary>
    public string Snapshot { get; private set; }
    public int Version { get; private set; }

    public void Touch() => Version++;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Print(CertificateContent content) => Snapshot = JsonSerializer.Serialize(content with { SealPng = null }, Json);

    public CertificateContent Printed() => JsonSerializer.Deserialize<CertificateContent>(Snapshot, Json)!;

    /// <summary>Numbered again after a race took the sequence; the printed content carries the new number and its address.</summary>
    public void Renumber(int sequence, string number, string verifyUrl)
    {
        Sequence = sequence;
        Number = number;
        Print(Printed() with { CertificateNumber = number, VerifyUrl = verifyUrl });
    }

    public void Revoke(string reason, string byName, DateTimeOffset at)
    {
        Status = CertificateStatus.Revoked;
        RevokeReason = reason;
        RevokedByName = byName;
        RevokedAt = at.ToUniversalTime();
    }

    public static string StatusLabel(CertificateStatus s) => s switch
    {
        CertificateStatus.Valid => Lang.T("有效", "Valid"),
        CertificateStatus.Revoked => Lang.T("已作废", "Revoked"),
        _ => s.ToString(),
    };

    public static string StatusBadge(CertificateStatus s) => s == CertificateStatus.Valid ? "text-bg-success" : "text-bg-danger";
}
