using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wushe.Features.Needs;

sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> b)
    {
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.RaisedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.AreaCode, x.Status });
        b.HasIndex(x => x.HouseholdId);
        b.HasIndex(x => new { x.Source, x.SourceId });
    }
}

/// <summary>How needs read in the audit log.</summary>
sealed class NeedsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Need>("需求", "Need")
            .Name(x => Need.CategoryLabel(x.Category))
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.HouseholdId, "家庭户", "Household")
            .Field(x => x.ResidentId, "居民", "Resident")
            .Field(x => x.Category, "需求类别", "Category")
            .Field(x => x.Urgency, "紧急程度", "Urgency")
            .Sensitive(x => x.Description, "需求描述", "Description")
            .Field(x => x.Source, "来源", "Source")
            .Field(x => x.SourceId, "来源记录", "Source record")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.RaisedById, "提出人", "Raised by")
            .Field(x => x.RaisedByName, "提出人姓名", "Raised by (name)")
            .Field(x => x.RaisedAt, "提出时间", "Raised at")
            .Ignore(x => x.Version);
        v.Enum<NeedCategory>(Need.CategoryLabel);
        v.Enum<NeedUrgency>(Need.UrgencyLabel);
        v.Enum<NeedStatus>(Need.StatusLabel);
        v.Enum<NeedSource>(Need.SourceLabel);
    }
}
