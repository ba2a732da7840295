using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Features.Households;

namespace Wushe.Features.Charity.Wishes;

sealed class WishConfiguration : IEntityTypeConfiguration<Wish>
{
    public void Configure(EntityTypeBuilder<Wish> b)
    {
        b.Property(x => x.Alias).HasMaxLength(WishRules.AliasMax);
        b.Property(x => x.Item).HasMaxLength(WishRules.ItemMax);
        b.Property(x => x.Story).HasMaxLength(WishRules.StoryMax);
        b.Property(x => x.StatusNote).HasMaxLength(200);
        b.Property(x => x.Contact).HasMaxLength(100);
        b.Property(x => x.ThankYou).HasMaxLength(WishRules.ThankYouMax);
        b.Property(x => x.CollectedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Restrict);
        // The wall: open wishes, priority first, then the longest waiting; staff lists by area and time.
        b.HasIndex(x => new { x.Status, x.Priority, x.PublishedAt });
        b.HasIndex(x => new { x.AreaCode, x.CollectedAt });
        b.HasIndex(x => x.ResidentId);
    }
}

sealed class WishClaimConfiguration : IEntityTypeConfiguration<WishClaim>
{
    public void Configure(EntityTypeBuilder<WishClaim> b)
    {
        b.Property(x => x.ClaimerName).HasMaxLength(50);
        b.Property(x => x.Evidence).HasMaxLength(WishRules.EvidenceMax);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Holds);
        b.HasOne<Wish>().WithMany().HasForeignKey(x => x.WishId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.WishId, x.ClaimedAt });
        b.HasIndex(x => new { x.ClaimerId, x.ClaimedAt });
        // The lapse sweep: active claims by due time.
        b.HasIndex(x => new { x.Status, x.ContactDueAt });
    }
}

sealed class WishesVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Wish>("微心愿", "Micro-wish")
            .Name(x => x.Alias)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.ResidentId, "心愿人", "Person")
            .Field(x => x.Alias, "化名", "Alias")
            .Field(x => x.Age, "年龄", "Age")
            .Field(x => x.Item, "心愿", "Wish")
            .Field(x => x.Story, "心愿描述", "Story")
            .Money(x => x.ValueFen, "估值", "Value")
            .Field(x => x.Contact, "联系方式", "Contact")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.StatusNote, "说明", "Note")
            .Field(x => x.Priority, "优先级", "Priority")
            .Field(x => x.ClaimId, "当前认领", "Current claim")
            .Field(x => x.FundingRequestId, "资助申请", "Funding request")
            .Field(x => x.PublishedAt, "发布时间", "Published at")
            .Field(x => x.FulfilledAt, "圆梦时间", "Fulfilled at")
            .Field(x => x.ThankYou, "感谢信", "Thank-you note")
            .Ignore(x => x.CollectedById, x => x.CollectedByName, x => x.CollectedAt, x => x.Version);
        v.Entity<WishClaim>("心愿认领", "Wish claim")
            .Name(x => x.ClaimerName)
            .NameOf<Wish>(x => x.WishId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.WishId, "微心愿", "Wish")
            .Field(x => x.ClaimerId, "认领人账号", "Claimer")
            .Field(x => x.ClaimerName, "认领人", "Claimer's name")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.ContactDueAt, "联系期限", "Contact due")
            .Field(x => x.ContactedAt, "联系时间", "Contacted at")
            .Field(x => x.DeliveredAt, "送达时间", "Delivered at")
            .Field(x => x.Evidence, "送达说明", "Evidence")
            .Field(x => x.EndedAt, "失效或放弃时间", "Ended at")
            .Ignore(x => x.ClaimedAt, x => x.Version);
        v.Enum<WishStatus>(Wish.StatusLabel);
        v.Enum<ClaimStatus>(WishClaim.StatusLabel);
    }
}
