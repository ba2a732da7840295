using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Features.Organizations;

namespace Wushe.Features.Charity;

sealed class CommunityFundConfiguration : IEntityTypeConfiguration<CommunityFund>
{
    public void Configure(EntityTypeBuilder<CommunityFund> b)
    {
        b.Property(x => x.FundNo).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(CharityRules.NameMax);
        b.Property(x => x.HostName).HasMaxLength(100);
        b.Property(x => x.Purpose).HasMaxLength(CharityRules.PurposeMax);
        b.Property(x => x.StatusReason).HasMaxLength(200);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.AvailableFen);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.FundNo).IsUnique();
        b.HasIndex(x => new { x.AreaCode, x.Name });
    }
}

sealed class FundCommitteeMemberConfiguration : IEntityTypeConfiguration<FundCommitteeMember>
{
    public void Configure(EntityTypeBuilder<FundCommitteeMember> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Affiliation).HasMaxLength(60);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Votes);
        b.HasOne<CommunityFund>().WithMany().HasForeignKey(x => x.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FundId, x.TermFrom });
        b.HasIndex(x => x.UserId);
    }
}

sealed class FundEntryConfiguration : IEntityTypeConfiguration<FundEntry>
{
    public void Configure(EntityTypeBuilder<FundEntry> b)
    {
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.Property(x => x.DecisionNo).HasMaxLength(CommitteeDecision.NumberMax);
        b.HasOne<CommunityFund>().WithMany().HasForeignKey(x => x.FundId).OnDelete(DeleteBehavior.Restrict);
        // Numbered within the fund: two movements cannot take one number, and pages walk the ledger in this order.
        b.HasIndex(x => new { x.FundId, x.Sequence }).IsUnique();
        b.HasIndex(x => x.DonationId);
    }
}

sealed class DonationConfiguration : IEntityTypeConfiguration<Donation>
{
    public void Configure(EntityTypeBuilder<Donation> b)
    {
        b.Property(x => x.DonorName).HasMaxLength(CharityRules.DonorNameMax);
        b.Property(x => x.Items).HasMaxLength(CharityRules.ItemsMax);
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.ReceiptNo).HasMaxLength(40);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.Property(x => x.ReversalReason).HasMaxLength(200);
        b.Ignore(x => x.InKind);
        b.HasOne<CommunityFund>().WithMany().HasForeignKey(x => x.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ReceiptNo).IsUnique();
        b.HasIndex(x => new { x.FundId, x.DonatedOn });
        // The report by area and period (CharityReport).
        b.HasIndex(x => new { x.AreaCode, x.DonatedOn });
        b.HasIndex(x => x.DonorUserId);
        b.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CampaignId);
    }
}

sealed class DisbursementRequestConfiguration : IEntityTypeConfiguration<DisbursementRequest>
{
    public void Configure(EntityTypeBuilder<DisbursementRequest> b)
    {
        b.Property(x => x.RequestNo).HasMaxLength(30);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Payee).HasMaxLength(100);
        b.Property(x => x.Justification).HasMaxLength(1000);
        b.Property(x => x.RaisedByName).HasMaxLength(50);
        b.Property(x => x.ClosingNote).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.UnpaidFen);
        b.HasOne<CommunityFund>().WithMany().HasForeignKey(x => x.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Needs.Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Wishes.Wish>().WithMany().HasForeignKey(x => x.WishId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.DecisionNo).HasMaxLength(CommitteeDecision.NumberMax);
        // An award is paid through one request (two confirmations racing meet here).
        b.HasOne<Competitions.CompetitionAward>().WithMany().HasForeignKey(x => x.AwardId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AwardId).IsUnique();
        b.HasIndex(x => x.RequestNo).IsUnique();
        // A fund's requests newest first, on a unique order; the committee's "awaiting my vote" by status.
        b.HasIndex(x => new { x.FundId, x.RaisedAt, x.Id });
        b.HasIndex(x => new { x.Status, x.AreaCode });
    }
}

sealed class DisbursementVoteConfiguration : IEntityTypeConfiguration<DisbursementVote>
{
    public void Configure(EntityTypeBuilder<DisbursementVote> b)
    {
        b.Property(x => x.MemberName).HasMaxLength(50);
        b.Property(x => x.Comment).HasMaxLength(200);
        b.Property(x => x.Minutes).HasMaxLength(CharityRules.MinutesMax);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.HasOne<DisbursementRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FundCommitteeMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        // One vote per member and request, whatever races.
        b.HasIndex(x => new { x.RequestId, x.MemberId }).IsUnique();
        b.HasIndex(x => x.MemberId);
    }
}

sealed class DisbursementPaymentConfiguration : IEntityTypeConfiguration<DisbursementPayment>
{
    public void Configure(EntityTypeBuilder<DisbursementPayment> b)
    {
        b.Property(x => x.Method).HasMaxLength(30);
        b.Property(x => x.VoucherNo).HasMaxLength(50);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.HasOne<DisbursementRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RequestId);
        // The public page's "what each payment paid for", newest first on a unique order.
        b.HasIndex(x => new { x.FundId, x.PaidOn, x.Id });
        // The report by area and period (CharityReport).
        b.HasIndex(x => new { x.AreaCode, x.PaidOn });
    }
}

sealed class CharityVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<CommunityFund>("社区慈善基金", "Community charity fund")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.FundNo, "基金编号", "Fund number")
            .Field(x => x.Name, "基金名称", "Name")
            .Field(x => x.HostOrganizationId, "托管慈善组织", "Host charity")
            .Field(x => x.HostName, "托管慈善组织名称", "Host charity's name")
            .Field(x => x.Purpose, "宗旨用途", "Purpose")
            .Field(x => x.EstablishedOn, "设立日期", "Established on")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.StatusReason, "状态说明", "Status reason")
            .Money(x => x.BalanceFen, "余额", "Balance")
            .Money(x => x.ReservedFen, "已预留", "Reserved")
            .Ignore(x => x.IncomeFen, x => x.SpentFen, x => x.Entries, x => x.Receipts, x => x.Requests, x => x.Version, x => x.CreatedAt, x => x.CreatedByName);
        v.Entity<FundCommitteeMember>("基金管委会成员", "Fund committee member")
            .Name(x => x.Name)
            .NameOf<CommunityFund>(x => x.FundId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.FundId, "基金", "Fund")
            .Field(x => x.Name, "姓名", "Name")
            .Field(x => x.Affiliation, "身份或单位", "Affiliation")
            .Field(x => x.Role, "职务", "Role")
            .Field(x => x.UserId, "平台账号", "Account")
            .Field(x => x.TermFrom, "任期起", "Term from")
            .Field(x => x.TermTo, "任期止", "Term to")
            .Field(x => x.EndedOn, "离任日期", "Left on", state: true)
            .Ignore(x => x.Version);
        v.Entity<FundEntry>("基金台账", "Fund ledger entry")
            .NameOf<CommunityFund>(x => x.FundId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.FundId, "基金", "Fund")
            .Field(x => x.Sequence, "第几笔", "Number")
            .Field(x => x.Kind, "类型", "Kind")
            .Money(x => x.AmountFen, "金额变动", "Amount")
            .Money(x => x.ReservedFen, "预留变动", "Reserved change")
            .Money(x => x.BalanceAfterFen, "变动后余额", "Balance after")
            .Field(x => x.DonationId, "捐赠", "Donation")
            .Field(x => x.Note, "摘要", "Note")
            .Field(x => x.DecisionNo, "决议编号", "Decision number")
            .Field(x => x.DecidedOn, "决议日期", "Decision date")
            .Ignore(x => x.At, x => x.RecordedByName);
        v.Entity<Donation>("捐赠", "Donation")
            .Name(x => x.ReceiptNo)
            .NameOf<CommunityFund>(x => x.FundId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.FundId, "基金", "Fund")
            .Field(x => x.DonorKind, "捐赠人类型", "Donor kind")
            .Field(x => x.DonorName, "捐赠人", "Donor")
            .Field(x => x.Anonymous, "公示时匿名", "Anonymous in public")
            .Field(x => x.DonorUserId, "捐赠人账号", "Donor account")
            .Field(x => x.Channel, "捐赠方式", "Channel")
            .Money(x => x.AmountFen, "金额", "Amount")
            .Field(x => x.Items, "物资清单", "Items")
            .Field(x => x.DonatedOn, "捐赠日期", "Donated on")
            .Field(x => x.Note, "备注", "Note")
            .Field(x => x.ReceiptNo, "票据编号", "Receipt number")
            .Field(x => x.CampaignId, "募捐活动", "Campaign")
            .Field(x => x.ReversedAt, "冲正时间", "Reversed at", state: true)
            .Field(x => x.ReversalReason, "冲正原因", "Reversal reason")
            .Ignore(x => x.RecordedAt, x => x.RecordedById, x => x.RecordedByName);
        v.Entity<DisbursementRequest>("拨付申请", "Disbursement request")
            .Name(x => x.RequestNo)
            .NameOf<CommunityFund>(x => x.FundId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.FundId, "基金", "Fund")
            .Field(x => x.RequestNo, "申请编号", "Request number")
            .Field(x => x.Purpose, "用途类别", "Purpose")
            .Field(x => x.ProjectId, "项目", "Project")
            .Field(x => x.NeedId, "需求", "Need")
            .Field(x => x.WishId, "微心愿", "Wish")
            .Field(x => x.Title, "用途", "Title")
            .Money(x => x.AmountFen, "申请金额", "Amount")
            .Field(x => x.Payee, "收款方", "Payee")
            .Field(x => x.Justification, "申请理由", "Justification")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.DecidedAt, "决定时间", "Decided at")
            .Money(x => x.PaidFen, "已支付", "Paid")
            .Field(x => x.ClosingNote, "撤回或释放说明", "Closing note")
            .Field(x => x.AwardId, "公益创投资助", "Competition award")
            .Field(x => x.DecisionNo, "决议编号", "Decision number")
            .Field(x => x.DecidedOn, "决议日期", "Decision date")
            .Ignore(x => x.RaisedAt, x => x.RaisedById, x => x.RaisedByName, x => x.Version);
        v.Entity<DisbursementVote>("拨付表决", "Disbursement vote")
            .Name(x => x.MemberName)
            .NameOf<DisbursementRequest>(x => x.RequestId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.RequestId, "拨付申请", "Request")
            .Field(x => x.MemberId, "管委会成员", "Member")
            .Field(x => x.Approve, "同意", "Approve")
            .Field(x => x.Comment, "说明", "Comment")
            .Field(x => x.Minutes, "会议纪要", "Minutes")
            .Field(x => x.RecordedByName, "录入人", "Recorded by")
            .Ignore(x => x.FundId, x => x.MemberName, x => x.At);
        v.Entity<DisbursementPayment>("拨付支付", "Disbursement payment")
            .Name(x => x.VoucherNo)
            .NameOf<DisbursementRequest>(x => x.RequestId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.RequestId, "拨付申请", "Request")
            .Money(x => x.AmountFen, "支付金额", "Amount")
            .Field(x => x.PaidOn, "支付日期", "Paid on")
            .Field(x => x.Method, "支付方式", "Method")
            .Field(x => x.VoucherNo, "凭证号", "Voucher number")
            .Ignore(x => x.FundId, x => x.RecordedAt, x => x.RecordedByName);
        v.Enum<FundStatus>(CommunityFund.StatusLabel);
        v.Enum<CommitteeRole>(FundCommitteeMember.RoleLabel);
        v.Enum<FundEntryKind>(FundEntry.KindLabel);
        v.Enum<DonorKind>(Donation.DonorKindLabel);
        v.Enum<DonationChannel>(Donation.ChannelLabel);
        v.Enum<DisbursementPurpose>(DisbursementRequest.PurposeLabel);
        v.Enum<DisbursementStatus>(DisbursementRequest.StatusLabel);
    }
}
