using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wushe.Features.Charity.Campaigns;

sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(x => x.Name).HasMaxLength(CampaignRules.NameMax);
        b.Property(x => x.Description).HasMaxLength(CampaignRules.DescriptionMax);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.AreaCode, x.StartsOn });
    }
}

sealed class CampaignFundConfiguration : IEntityTypeConfiguration<CampaignFund>
{
    public void Configure(EntityTypeBuilder<CampaignFund> b)
    {
        b.HasKey(x => new { x.CampaignId, x.FundId });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CommunityFund>().WithMany().HasForeignKey(x => x.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.FundId);
    }
}

sealed class CampaignVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Campaign>("募捐活动", "Campaign")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.Name, "活动名称", "Name")
            .Field(x => x.Description, "活动说明", "Description")
            .Field(x => x.StartsOn, "开始日期", "Starts on")
            .Field(x => x.EndsOn, "结束日期", "Ends on")
            .Money(x => x.TargetFen, "募捐目标", "Target")
            .Ignore(x => x.CreatedById, x => x.CreatedByName, x => x.CreatedAt, x => x.Version);
        v.Entity<CampaignFund>("活动关联基金", "Campaign fund")
            .NameOf<CommunityFund>(x => x.FundId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.CampaignId, "募捐活动", "Campaign")
            .Field(x => x.FundId, "基金", "Fund");
        v.Enum<CampaignPhase>(Campaign.PhaseLabel);
    }
}
