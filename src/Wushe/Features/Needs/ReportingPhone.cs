namespace Wushe.Features.Needs;

/// <summary>
/// A phone number that has reported a need on the residents' page, keyed by its keyed hash (<see cref="Platform.Sensitive.Sealer.Hash"/>),
/// never the number: the row that each report from the phone claims (an update, so a row lock on PostgreSQL and the write lock on
/// SQLite) before it counts the phone's needs of the last 24 hours and inserts its own, in one transaction
/// (<see cref="ResidentLimits.ClaimPhoneAsync"/>). Reports from one phone thus take turns, and
/// <see cref="ResidentLimits.ReportsPerPhonePerDay"/> holds however many arrive at once. <see cref="LastReportedAt"/> says when the
/// phone last reported, so rows of phones silent for long may be purged.
/// </summary>
public sealed class ReportingPhone
{
    public ReportingPhone(string phoneHash, DateTimeOffset lastReportedAt)
    {
        PhoneHash = phoneHash;
        LastReportedAt = lastReportedAt;
    }

    /// <summary>The phone's keyed hash (HMAC-SHA256, Base64), as in <c>Need.RequesterPhone.Hash</c>.</summary>
    public string PhoneHash { get; private set; }

    public DateTimeOffset LastReportedAt { get; private set; }
}
