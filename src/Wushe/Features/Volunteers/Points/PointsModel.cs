using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wushe.Features.Volunteers.Points;

sealed class PointsAccountConfiguration : IEntityTypeConfiguration<PointsAccount>
{
    public void Configure(EntityTypeBuilder<PointsAccount> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        // One account per volunteer, also when two first movements race.
        b.HasIndex(x => x.VolunteerId).IsUnique();
    }
}

sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> b)
    {
        b.Property(x => x.Note).HasMaxLength(200);
        b.HasOne<PointsAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AccountId, x.At });
        b.HasIndex(x => new { x.AccountId, x.Sequence }).IsUnique();
        b.HasIndex(x => x.HourRecordId);
        b.HasIndex(x => x.RedemptionId);
    }
}

sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> b)
    {
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.Address).HasMaxLength(120);
        b.Property(x => x.Contact).HasMaxLength(60);
        b.Property(x => x.RegisteredByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        // A merchant account keeps one merchant.
        b.HasIndex(x => x.UserId).IsUnique();
    }
}

sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.Property(x => x.Title).HasMaxLength(60);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Merchant>().WithMany().HasForeignKey(x => x.MerchantId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MerchantId, x.CreatedAt });
    }
}

sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> b)
    {
        b.Property(x => x.Code).HasMaxLength(8);
        b.Property(x => x.OfferTitle).HasMaxLength(60);
        b.Property(x => x.VolunteerName).HasMaxLength(30);
        b.Property(x => x.VolunteerAreaCode).HasMaxLength(12);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Offer>().WithMany().HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.MerchantId, x.CreatedAt });
        b.HasIndex(x => new { x.VolunteerId, x.CreatedAt });
        b.HasIndex(x => new { x.Status, x.ExpiresAt });
    }
}

/// <summary>How the points ledger, merchants, offers and redemptions read in the audit log.</summary>
sealed class PointsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<PointsAccount>("积分账户", "Points account")
            .NameOf<Volunteer>(x => x.VolunteerId)
            .Area(x => x.AreaCode, "所在社区（村）", "Community")
            .Field(x => x.VolunteerId, "志愿者", "Volunteer")
            .Field(x => x.Balance, "积分余额", "Balance")
            .Ignore(x => x.Version, x => x.Earned, x => x.OpenedAt);
        v.Entity<PointsEntry>("积分流水", "Points entry")
            .NameOf<Volunteer>(x => x.VolunteerId)
            .Area(x => x.AreaCode, "所在社区（村）", "Community")
            .Field(x => x.AccountId, "积分账户", "Account")
            .Field(x => x.VolunteerId, "志愿者", "Volunteer")
            .Field(x => x.Kind, "类型", "Kind")
            .Field(x => x.Points, "积分", "Points")
            .Field(x => x.BalanceAfter, "变动后余额", "Balance after")
            .Field(x => x.Sequence, "账户第几笔", "Posting number")
            .Field(x => x.HourRecordId, "服务记录", "Hour record")
            .Field(x => x.RedemptionId, "兑换记录", "Redemption")
            .Field(x => x.OtherVolunteerId, "对方志愿者", "Other volunteer")
            .Field(x => x.Note, "说明", "Note")
            .Ignore(x => x.At);
        v.Entity<Merchant>("美德信用商户", "Virtue-credit merchant")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.Name, "商户名称", "Name")
            .Field(x => x.Kind, "类型", "Kind")
            .Field(x => x.Address, "地址", "Address")
            .Field(x => x.Contact, "联系方式", "Contact")
            .Field(x => x.UserId, "商户账号", "Merchant account")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Ignore(x => x.Version, x => x.RegisteredAt, x => x.RegisteredByName);
        v.Entity<Offer>("兑换商品", "Offer")
            .Name(x => x.Title)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.MerchantId, "商户", "Merchant")
            .Field(x => x.Title, "名称", "Title")
            .Field(x => x.Description, "说明", "Description")
            .Field(x => x.PointsPrice, "所需积分", "Points price")
            .Field(x => x.Stock, "库存", "Stock")
            .Field(x => x.ValidFrom, "有效期起", "Valid from")
            .Field(x => x.ValidTo, "有效期止", "Valid to")
            .Field(x => x.MinStars, "最低星级", "Minimum star")
            .Field(x => x.IsOn, "上架", "On offer", state: true)
            .Ignore(x => x.Version, x => x.CreatedAt);
        v.Entity<Redemption>("积分兑换", "Redemption")
            .Name(x => x.Code)
            .Area(x => x.AreaCode, "商户所在区划", "Merchant's area")
            .Field(x => x.Code, "兑换码", "Code")
            .Field(x => x.OfferId, "兑换商品", "Offer")
            .Field(x => x.MerchantId, "商户", "Merchant")
            .Field(x => x.OfferTitle, "商品名称", "Offer title")
            .Field(x => x.Points, "积分", "Points")
            .Field(x => x.VolunteerId, "志愿者", "Volunteer")
            .Field(x => x.VolunteerName, "志愿者姓名", "Volunteer's name")
            .Field(x => x.AccountId, "积分账户", "Account")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.ExpiresAt, "核销截止", "Expires at")
            .Field(x => x.ClosedAt, "办结时间", "Closed at")
            .Ignore(x => x.Version, x => x.CreatedAt, x => x.VolunteerAreaCode);

        v.Enum<PointsEntryKind>(PointsEntry.KindLabel);
        v.Enum<MerchantKind>(Merchant.KindLabel);
        v.Enum<MerchantStatus>(Merchant.StatusLabel);
        v.Enum<RedemptionStatus>(Redemption.StatusLabel);
    }
}
