using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 登记捐赠: money or goods (物资, with the item list and a valued amount) given to an active fund of the scope on a China date not in the
/// future; posted to the ledger as one entry with a numbered receipt (<see cref="Donation.ReceiptNo"/>), in one transaction under the
/// fund's row (<see cref="FundLedger"/>). A donor account (Role.Donor, by its user name) then sees it. Through the API a retried POST with the
/// same <c>Idempotency-Key</c> answers the first answer again and records nothing (Platform/Web/Idempotency.cs); the page's form is
/// submitted once (FormSubmissions). It may answer a campaign raising for the fund on its date (<see cref="Campaigns.CampaignRules.OpenFor"/>). Failures: 400 naming the field (an amount ≤ 0 or above ¥100,000,000, more than two decimals);
/// 404 (fund out of scope); 409 (a suspended or closed fund).
/// </summary>
public static class RecordDonation
{
    public sealed record Request(
        [property: Label("捐赠人类型", "Donor kind")] DonorKind? DonorKind,
        [property: Label("捐赠人", "Donor")] string? DonorName,
        [property: Label("公示时匿名", "Anonymous in public")] bool? Anonymous,
        [property: Label("捐赠人账号", "Donor account")] string? DonorUserName,
        [property: Label("捐赠方式", "Channel")] DonationChannel? Channel,
        [property: Label("金额（元）", "Amount (yuan)")] decimal? AmountYuan,
        [property: Label("物资清单", "Items")] string? Items,
        [property: Label("捐赠日期", "Donated on")] DateOnly? DonatedOn,
        [property: Label("备注", "Note")] string? Note,
        [property: Label("募捐活动", "Campaign")] Guid? CampaignId = null);

    /// <param name="AmountFen">Fen.</param>
    public sealed record Recorded(Guid Id, string ReceiptNo, long AmountFen, long BalanceFen, long Sequence);

    public static async Task<Result<Recorded>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid fundId, Request r, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var errors = new Errors()
            .Text("donorName", r.DonorName, "捐赠人", "The donor", 2, CharityRules.DonorNameMax)
            .Text("note", r.Note, "备注", "The note", 0, 200, required: false);
        if (r.DonorKind is not { } kind || !Enum.IsDefined(kind)) errors.Add("donorKind", Lang.T("请选择捐赠人类型", "Choose the kind of donor"));
        if (r.Channel is not { } channel || !Enum.IsDefined(channel)) errors.Add("channel", Lang.T("请选择捐赠方式", "Choose the channel"));
        if (r.AmountYuan is not { } yuan || !Money.IsYuan(yuan))
            errors.Add("amountYuan", r.Channel == DonationChannel.InKind ? Money.NotYuan("物资估值", "Valued amount") : Money.NotYuan("捐赠金额", "Amount"));
        if (r.Channel == DonationChannel.InKind) errors.Text("items", r.Items, "物资清单", "The item list", 2, CharityRules.ItemsMax);
        else if (!string.IsNullOrWhiteSpace(r.Items)) errors.Add("items", Lang.T("资金捐赠不填物资清单；物资捐赠请选择捐赠方式“物资捐赠”", "A gift of money has no item list; for goods choose the channel In kind"));
        if (r.DonatedOn is not { } on) errors.Add("donatedOn", Lang.T("请填写捐赠日期", "Give the date of the gift"));
        else if (on > today || on.Year < 2000) errors.Add("donatedOn", Lang.T("捐赠日期须在 2000 年以后、不晚于今天", "The date is after 2000 and not after today"));
        Guid? donorUserId = null;
        if (!string.IsNullOrWhiteSpace(r.DonorUserName))
        {
            var name = r.DonorUserName.Trim();
            donorUserId = await db.Users.Where(u => u.UserName == name).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (donorUserId is null || !await db.RoleAssignments.AnyAsync(a => a.UserId == donorUserId && a.Role == Role.Donor, ct))
                errors.Add("donorUserName", Lang.T("没有该捐赠人账号（账号须具有“捐赠人”角色）", "No donor account has this user name (it must hold the donor role)"));
        }
        if (r.CampaignId is { } campaign && (r.DonatedOn is not { } day || !await Campaigns.CampaignRules.OpenFor(db, fundId, day).AnyAsync(c => c.Id == campaign, ct)))
            errors.Add("campaignId", Lang.T("该募捐活动未关联本基金，或捐赠日期不在活动期内", "The campaign does not raise for this fund, or the date is outside its period"));
        if (errors.Any) return errors.ToFailure();

        // Everything that needs no lock is done before it: the fund's row is held from the lock to the commit, and every other movement of the
        // fund (on PostgreSQL; every write of the process on SQLite) waits for it — a queue on a fund many record at once.
        var recorder = await Households.Workers.NameAsync(db, user, ct);
        var now = clock.GetUtcNow();
        var amount = Money.Fen(r.AmountYuan!.Value);
        var (donorName, items, note, donatedOn) = (r.DonorName!.Trim(), r.Channel == DonationChannel.InKind ? r.Items!.Trim() : "", r.Note?.Trim() ?? "", r.DonatedOn!.Value);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Under the lock: the fund's state (it may have been suspended or its date changed a moment ago), the numbers, the save, the commit.
        if (await FundLedger.LockAsync(db, fundId, ct) is not { } fund) return Failure.NotFound();
        if (fund.Status != FundStatus.Active)
            return Failure.Conflict(Lang.T($"基金“{CommunityFund.StatusLabel(fund.Status)}”，不能登记捐赠", $"The fund is {CommunityFund.StatusLabel(fund.Status)}: it takes no donations"));
        // A gift before the fund existed would fall outside every quarter the fund discloses.
        if (donatedOn < fund.EstablishedOn)
            return Failure.Invalid("donatedOn", Lang.T($"捐赠日期不能早于基金设立日期 {ChinaTime.Format(fund.EstablishedOn)}", $"The date cannot be before the fund was set up ({ChinaTime.Format(fund.EstablishedOn)})"));
        var donation = new Donation(fund, r.DonorKind!.Value, donorName, r.Anonymous == true, donorUserId, r.Channel!.Value, amount,
            items, donatedOn, note, fund.NextReceiptNo(donatedOn.Year), user.Id, recorder, now, r.CampaignId);
        db.Add(donation);
        // The ledger's summary is stored text: Chinese, whatever the recorder's language, and without the donor's name (the ledger is public).
        var entry = FundLedger.Post(db, fund, FundEntryKind.Donation, amount, 0, now, $"捐赠入账 {donation.ReceiptNo}", recorder, donation.Id);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Recorded(donation.Id, donation.ReceiptNo, amount, fund.BalanceFen, entry.Sequence);
    }
}
