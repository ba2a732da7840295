using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;

namespace Wushe.Features.Volunteers.Hours;

sealed class HourRecordConfiguration : IEntityTypeConfiguration<HourRecord>
{
    public void Configure(EntityTypeBuilder<HourRecord> b)
    {
        b.Property(x => x.OrganizerName).HasMaxLength(100);
        b.Property(x => x.Content).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.Evidence).HasMaxLength(500);
        b.Property(x => x.DisputeReason).HasMaxLength(200);
        b.Property(x => x.DisputeAnswer).HasMaxLength(200);
        b.Property(x => x.AnsweredByName).HasMaxLength(50);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        // One record per sign-up from attendance (a check-out or a manual confirmation), also when two requests race.
        b.HasIndex(x => x.SignUpId).IsUnique();
        b.HasIndex(x => new { x.VolunteerId, x.ServiceDate });
        b.HasIndex(x => new { x.Status, x.FinalOn });
        b.HasIndex(x => new { x.AreaCode, x.Status, x.ServiceDate });
        b.HasIndex(x => x.ActivityId);
        b.HasIndex(x => x.CorrectsId);
        b.HasIndex(x => new { x.OrganizationId, x.ServiceDate });
    }
}

sealed class HourTotalConfiguration : IEntityTypeConfiguration<HourTotal>
{
    public void Configure(EntityTypeBuilder<HourTotal> b) => b.HasKey(x => new { x.AreaCode, x.Year });
}

/// <summary>How hour records read in the audit log.</summary>
sealed class HoursVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<HourRecord>("志愿服务记录", "Volunteer hour record")
            .NameOf<Volunteer>(x => x.VolunteerId)
            .Area(x => x.AreaCode, "服务所在区划", "Area")
            .Field(x => x.VolunteerId, "志愿者", "Volunteer")
            .Field(x => x.ActivityId, "志愿活动", "Activity")
            .Field(x => x.OrganizationId, "发布机构", "Publishing organization")
            .Field(x => x.ShiftId, "班次", "Shift")
            .Field(x => x.SignUpId, "报名", "Sign-up")
            .Field(x => x.Kind, "记录方式", "Kind")
            .Field(x => x.OrganizerName, "组织单位", "Organizer")
            .Field(x => x.Content, "服务内容", "Service content")
            .Field(x => x.StartedAt, "开始时间", "Started")
            .Field(x => x.EndedAt, "结束时间", "Ended")
            .Field(x => x.ServiceDate, "服务日期", "Service date")
            .Field(x => x.Minutes, "服务时长（分钟）", "Minutes")
            .Field(x => x.CorrectsId, "更正的记录", "Corrects")
            .Field(x => x.Reason, "原因", "Reason")
            .Field(x => x.Evidence, "佐证材料", "Evidence")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.PostedOn, "公示开始", "Posted on")
            .Field(x => x.FinalOn, "公示截止", "Final on")
            .Field(x => x.FinalizedAt, "生效时间", "Final at")
            .Field(x => x.DisputeReason, "异议理由", "Dispute")
            .Field(x => x.DisputedAt, "提出异议时间", "Disputed at")
            .Field(x => x.DisputeAnswer, "核实结果", "Answer")
            .Field(x => x.AnsweredAt, "核实时间", "Answered at")
            .Field(x => x.AnsweredByName, "核实人", "Answered by")
            .Ignore(x => x.Version, x => x.RecordedAt, x => x.RecordedById, x => x.RecordedByName);

        // Figures derived from the final records (FinalizeHours), never written by a person.
        v.NotAudited<HourTotal>();
        v.Enum<HourRecordKind>(HourRecord.KindLabel);
        v.Enum<HourRecordStatus>(HourRecord.StatusLabel);
    }
}
