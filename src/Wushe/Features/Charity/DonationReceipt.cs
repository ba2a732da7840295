using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity;

/// <summary>
/// 捐赠收据 as a PDF (<see cref="DonationReceiptPdf"/>), named 捐赠收据_{receipt number}.pdf: for staff, a donation of a fund of their
/// scope (<see cref="ForFund"/>); for a donor, a donation recorded with their own account, whatever its place (<see cref="ForDonor"/>).
/// A reversed donation's receipt is marked void. Failures: 404 (not in scope, not the donor's, no such donation).
/// </summary>
public static class DonationReceipt
{
    public sealed record File(byte[] Content, string FileName);

    public static async Task<Result<File>> ForFund(AppDb db, TimeProvider clock, Guid fundId, Guid donationId, CancellationToken ct = default) =>
        await RenderAsync(db, clock, db.Set<Donation>().Where(d => d.Id == donationId && d.FundId == fundId), db.Set<CommunityFund>(), ct);

    public static async Task<Result<File>> ForDonor(AppDb db, CurrentUser user, TimeProvider clock, Guid donationId, CancellationToken ct = default) =>
        await RenderAsync(db, clock, db.Set<Donation>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(d => d.Id == donationId && user.Id != null && d.DonorUserId == user.Id),
            db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]), ct);

    static async Task<Result<File>> RenderAsync(AppDb db, TimeProvider clock, IQueryable<Donation> donations, IQueryable<CommunityFund> funds, CancellationToken ct)
    {
        var found = await (from x in donations.AsNoTracking() join y in funds.AsNoTracking() on x.FundId equals y.Id select new { Donation = x, Fund = y }).FirstOrDefaultAsync(ct);
        if (found is null) return Failure.NotFound();
        var (d, f) = (found.Donation, found.Fund);
        var content = new DonationReceiptContent(d.ReceiptNo, d.DonorName, Donation.DonorKindLabel(d.DonorKind), f.Name, f.FundNo, f.HostName, d.AmountFen,
            Donation.ChannelLabel(d.Channel), d.Items, d.DonatedOn, d.Note, d.RecordedByName, ChinaTime.Today(clock), d.ReversedAt is null ? null : d.ReversalReason ?? "");
        return new File(DonationReceiptPdf.Render(content), $"捐赠收据_{d.ReceiptNo}.pdf");
    }
}
