using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;

namespace Wushe.Features.Needs;

sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> b)
    {
        b.Property(x => x.NeedNo).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(50);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.RaisedByName).HasMaxLength(50);
        b.Property(x => x.RequesterName).HasMaxLength(50);
        b.Property(x => x.HandlerName).HasMaxLength(50);
        b.Property(x => x.Outcome).HasMaxLength(1000);
        b.Property(x => x.SatisfactionComment).HasMaxLength(500);
        b.OwnsSealed(x => x.RequesterPhone, "RequesterPhone");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.NeedNo).IsUnique();
        // The area's needs by status with both deadlines: the status tabs, the counts per area (NeedsByArea) and the overdue
        // predicate (ListNeeds.OverdueAt) are answered from the index alone over a city's range, without reading the rows.
        b.HasIndex(x => new { x.AreaCode, x.Status, x.AcceptDueAt, x.ResolveDueAt });
        b.HasIndex(x => new { x.Status, x.AcceptDueAt });
        b.HasIndex(x => x.HouseholdId);
        b.HasIndex(x => new { x.Source, x.SourceId });
    }
}

sealed class NeedStepConfiguration : IEntityTypeConfiguration<NeedStep>
{
    public void Configure(EntityTypeBuilder<NeedStep> b)
    {
        b.Property(x => x.ByName).HasMaxLength(50);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.NeedId, x.At });
    }
}

sealed class NeedMatchConfiguration : IEntityTypeConfiguration<NeedMatch>
{
    public void Configure(EntityTypeBuilder<NeedMatch> b)
    {
        b.Property(x => x.TargetName).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.ByName).HasMaxLength(50);
        b.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.NeedId);
        b.HasIndex(x => new { x.Kind, x.TargetId });
    }
}

sealed class NeedPhotoConfiguration : IEntityTypeConfiguration<NeedPhoto>
{
    public void Configure(EntityTypeBuilder<NeedPhoto> b)
    {
        b.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.NeedId);
    }
}

sealed class ReportingPhoneConfiguration : IEntityTypeConfiguration<ReportingPhone>
{
    public void Configure(EntityTypeBuilder<ReportingPhone> b)
    {
        b.HasKey(x => x.PhoneHash);
        b.Property(x => x.PhoneHash).HasMaxLength(64);
    }
}

sealed class NeedTimeLimitsConfiguration : IEntityTypeConfiguration<NeedTimeLimits>
{
    public void Configure(EntityTypeBuilder<NeedTimeLimits> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.AreaCode).IsUnique();
    }
}

/// <summary>How needs read in the audit log.</summary>
sealed class NeedsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        // The per-phone turn of the residents' report limit: a lock, not a record (the need it guards is audited).
        v.NotAudited<ReportingPhone>();
        v.Entity<Need>("需求", "Need")
            .Name(x => x.NeedNo.Length > 0 ? x.NeedNo : Need.CategoryLabel(x.Category))
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.NeedNo, "需求编号", "Need number")
            .Field(x => x.HouseholdId, "家庭户", "Household")
            .Field(x => x.ResidentId, "居民", "Resident")
            .Field(x => x.Category, "需求类别", "Category")
            .Field(x => x.Urgency, "紧急程度", "Urgency")
            .Field(x => x.Title, "需求标题", "Title")
            .Sensitive(x => x.Description, "需求描述", "Description")
            .Field(x => x.Source, "来源", "Source")
            .Field(x => x.SourceId, "来源记录", "Source record")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.Verified, "已核实", "Verified")
            .Sensitive(x => x.RequesterName, "求助人", "Requester")
            .Field(x => x.RequesterPhone, "求助人电话", "Requester's phone")
            .Field(x => x.RaisedById, "提出人", "Raised by")
            .Field(x => x.RaisedByName, "提出人姓名", "Raised by (name)")
            .Field(x => x.RaisedAt, "提出时间", "Raised at")
            .Field(x => x.HandlerId, "承办人", "Handler")
            .Field(x => x.HandlerName, "承办人姓名", "Handler (name)")
            .Field(x => x.StatusChangedAt, "状态变更时间", "Status changed at")
            .Field(x => x.AcceptDueAt, "受理时限", "Accept by")
            .Field(x => x.ResolveDueAt, "办结时限", "Resolve by")
            .Field(x => x.AcceptedAt, "受理时间", "Accepted at")
            .Field(x => x.ResolvedAt, "解决时间", "Resolved at")
            .Sensitive(x => x.Outcome, "办理结果", "Outcome")
            .Field(x => x.Satisfaction, "满意度", "Satisfaction")
            .Sensitive(x => x.SatisfactionComment, "评价意见", "Comment")
            .Field(x => x.RatedBy, "评价方式", "Rated by")
            .Ignore(x => x.Version);
        // A step, a match and a photo are named by their need's number (a label would be stored in one language).
        v.Entity<NeedStep>("需求办理环节", "Need step")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Need>(x => x.NeedId)
            .Field(x => x.NeedId, "需求", "Need")
            .Field(x => x.Status, "环节", "Step")
            .Field(x => x.At, "时间", "At")
            .Field(x => x.ById, "办理人", "By")
            .Field(x => x.ByName, "办理人姓名", "By (name)")
            .Sensitive(x => x.Note, "办理意见", "Note");
        v.Entity<NeedMatch>("需求对接", "Need match")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Need>(x => x.NeedId)
            .Field(x => x.NeedId, "需求", "Need")
            .Field(x => x.Kind, "对接方式", "Matched to")
            .Field(x => x.TargetId, "对接记录", "Record")
            .Field(x => x.TargetName, "对接对象", "Record name")
            .Sensitive(x => x.Note, "对接说明", "Note")
            .Field(x => x.At, "对接时间", "At")
            .Field(x => x.ById, "对接人", "By")
            .Field(x => x.ByName, "对接人姓名", "By (name)");
        v.Entity<NeedPhoto>("需求照片", "Need photo")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Need>(x => x.NeedId)
            .Field(x => x.NeedId, "需求", "Need")
            .Field(x => x.FileId, "文件", "File");
        v.Entity<NeedTimeLimits>("需求办理时限", "Need time limits")
            .Name(x => x.AreaCode)
            .Area(x => x.AreaCode, "设定区划", "Area")
            .Field(x => x.NormalAcceptHours, "一般需求受理时限（小时）", "Normal: accept within (hours)")
            .Field(x => x.NormalResolveDays, "一般需求办结时限（天）", "Normal: resolve within (days)")
            .Field(x => x.UrgentAcceptHours, "紧急需求受理时限（小时）", "Urgent: accept within (hours)")
            .Field(x => x.UrgentResolveDays, "紧急需求办结时限（天）", "Urgent: resolve within (days)")
            .Field(x => x.CriticalAcceptHours, "特急需求受理时限（小时）", "Critical: accept within (hours)")
            .Field(x => x.CriticalResolveDays, "特急需求办结时限（天）", "Critical: resolve within (days)")
            .Field(x => x.UpdatedAt, "更新时间", "Updated at")
            .Ignore(x => x.Version);
        v.Enum<NeedCategory>(Need.CategoryLabel);
        v.Enum<NeedUrgency>(Need.UrgencyLabel);
        v.Enum<NeedStatus>(Need.StatusLabel);
        v.Enum<NeedSource>(Need.SourceLabel);
        v.Enum<RatedBy>(Need.RatedByLabel);
        v.Enum<NeedMatchKind>(NeedMatch.KindLabel);
    }
}
