using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;

namespace Wushe.Features.Workforce.Trainings;

sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> b)
    {
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.OrganizerName).HasMaxLength(100);
        b.Property(x => x.Place).HasMaxLength(100);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        // The list (newest course first) and the figures (courses by area and start day) read this index.
        b.HasIndex(x => new { x.AreaCode, x.StartsOn });
        b.HasIndex(x => x.OrganizationId);
    }
}

sealed class TrainingEnrolmentConfiguration : IEntityTypeConfiguration<TrainingEnrolment>
{
    public void Configure(EntityTypeBuilder<TrainingEnrolment> b)
    {
        b.Property(x => x.Name).HasMaxLength(30);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.CertificateNumber).HasMaxLength(30);
        b.Property(x => x.EnrolledByName).HasMaxLength(50);
        b.OwnsSealed(x => x.Phone, "Phone");
        b.HasOne<Training>().WithMany().HasForeignKey(x => x.TrainingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SocialWorker>().WithMany().HasForeignKey(x => x.SocialWorkerId).OnDelete(DeleteBehavior.Restrict);
        // A register person once per course (also when two enrolments race); 其他人员 (no person) as often as named.
        b.HasIndex(x => new { x.TrainingId, x.SocialWorkerId }).IsUnique();
        b.HasIndex(x => x.SocialWorkerId);
        b.HasIndex(x => x.CertificateNumber).IsUnique();
        // The figures count attendances (人次) by area.
        b.HasIndex(x => new { x.AreaCode, x.TrainingId, x.AttendedMinutes });
    }
}

/// <summary>How the trainings read in the audit log.</summary>
sealed class TrainingsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Training>("培训", "Training")
            .Name(x => x.Title)
            .Area(x => x.AreaCode, "举办地区", "Host area")
            .Field(x => x.Title, "培训名称", "Title")
            .Field(x => x.Kind, "培训类型", "Kind")
            .Field(x => x.OrganizerKind, "主办方类型", "Organizer kind")
            .Field(x => x.OrganizerName, "主办单位", "Organizer")
            .Field(x => x.OrganizationId, "主办社会组织", "Organizing organization")
            .Field(x => x.StationId, "主办社工站", "Organizing station")
            .Field(x => x.StartsOn, "开始日期", "Starts on")
            .Field(x => x.EndsOn, "结束日期", "Ends on")
            .Field(x => x.Minutes, "学时（分钟）", "Minutes")
            .Field(x => x.Place, "培训地点", "Place")
            .Field(x => x.Capacity, "计划人数", "Capacity")
            .Ignore(x => x.Version, x => x.CreatedAt, x => x.CreatedById, x => x.CreatedByName);
        v.Entity<TrainingEnrolment>("培训报名", "Training enrolment")
            .Name(x => x.Name)
            .NameOf<Training>(x => x.TrainingId)
            .Area(x => x.AreaCode, "举办地区", "Host area")
            .Field(x => x.TrainingId, "培训", "Training")
            .Field(x => x.OrganizationId, "主办社会组织", "Organizing organization")
            .Field(x => x.SocialWorkerId, "社会工作者", "Social worker")
            .Field(x => x.Name, "姓名", "Name")
            .Field(x => x.Phone, "联系电话", "Phone")
            .Field(x => x.Unit, "工作单位", "Unit")
            .Field(x => x.AttendedMinutes, "出勤学时（分钟）", "Minutes attended")
            .Field(x => x.CertificateNumber, "培训证明编号", "Certificate number")
            .Field(x => x.CertificateIssuedOn, "证明出具日期", "Certificate issued on")
            .Ignore(x => x.EnrolledAt, x => x.EnrolledById, x => x.EnrolledByName);
        v.Enum<TrainingKind>(Training.KindLabel);
        v.Enum<TrainingOrganizerKind>(Training.OrganizerKindLabel);
    }
}
