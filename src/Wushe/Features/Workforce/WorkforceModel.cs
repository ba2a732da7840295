using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;

namespace Wushe.Features.Workforce;

sealed class SocialWorkerConfiguration : IEntityTypeConfiguration<SocialWorker>
{
    public void Configure(EntityTypeBuilder<SocialWorker> b)
    {
        b.Property(x => x.Name).HasMaxLength(30);
        b.Property(x => x.EmployerName).HasMaxLength(100);
        b.Property(x => x.Post).HasMaxLength(30);
        b.Property(x => x.StatusReason).HasMaxLength(200);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        // One person, one social worker, platform-wide: the ID's keyed hash is unique (also when two entries or imports race).
        b.OwnsSealed(x => x.IdNumber, "IdNumber", unique: true);
        b.Navigation(x => x.IdNumber).IsRequired();
        b.OwnsSealed(x => x.Phone, "Phone");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.UserId).IsUnique();
        // The register's list by area (newest first) and its filters by level and registration state.
        // Status inside: an area range's count (in post and left, not the exam-only people) reads the index alone.
        b.HasIndex(x => new { x.AreaCode, x.CreatedAt, x.Status });
        // A city's or the platform's list, newest first: read in order, the area range checked row by row (bench: workforce).
        b.HasIndex(x => new { x.CreatedAt, x.Id });
        // Station staffing: the station staff in post of an area range, grouped by station and level, from the index alone.
        b.HasIndex(x => new { x.EmployerKind, x.Status, x.AreaCode, x.StationId, x.Level });
        b.HasIndex(x => new { x.AreaCode, x.Level });
        b.HasIndex(x => x.StationId);
        b.HasIndex(x => x.OrganizationId);
    }
}

sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> b)
    {
        b.Property(x => x.CertificateNo).HasMaxLength(30);
        b.HasOne<SocialWorker>().WithMany().HasForeignKey(x => x.SocialWorkerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SocialWorkerId);
        // A certificate number once, platform-wide; a level once per person.
        b.HasIndex(x => x.CertificateNo).IsUnique();
        b.HasIndex(x => new { x.SocialWorkerId, x.Level }).IsUnique();
        b.HasIndex(x => new { x.AreaCode, x.ObtainedOn });
    }
}

sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.Property(x => x.RegistrationNo).HasMaxLength(30);
        b.Property(x => x.RegisteredByName).HasMaxLength(50);
        b.HasOne<SocialWorker>().WithMany().HasForeignKey(x => x.SocialWorkerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Qualification>().WithMany().HasForeignKey(x => x.QualificationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RegistrationNo).IsUnique();
        // A person's registrations of a level in time order; one per level and start day (a retried submission saves once).
        b.HasIndex(x => new { x.SocialWorkerId, x.Level, x.RegisteredOn }).IsUnique();
        b.HasIndex(x => x.QualificationId);
    }
}

sealed class EducationRecordConfiguration : IEntityTypeConfiguration<EducationRecord>
{
    public void Configure(EntityTypeBuilder<EducationRecord> b)
    {
        b.Property(x => x.Content).HasMaxLength(100);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.HasOne<SocialWorker>().WithMany().HasForeignKey(x => x.SocialWorkerId).OnDelete(DeleteBehavior.Cascade);
        // A period's hours are a range read of one person's records by day.
        b.HasIndex(x => new { x.SocialWorkerId, x.On });
        // One credit per attendance of a training.
        b.HasIndex(x => x.TrainingEnrolmentId).IsUnique();
    }
}

/// <summary>How the workforce feature's records read in the audit log.</summary>
sealed class WorkforceVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<SocialWorker>("社会工作者", "Social worker")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.Name, "姓名", "Name")
            .Field(x => x.IdNumber, "身份证号码", "ID number")
            .Field(x => x.BirthDate, "出生日期", "Birth date")
            .Field(x => x.Sex, "性别", "Sex")
            .Field(x => x.Phone, "联系电话", "Phone")
            .Field(x => x.Education, "学历", "Education")
            .Field(x => x.EmployerKind, "单位类型", "Employer kind")
            .Field(x => x.StationId, "所在社工站", "Station")
            .Field(x => x.OrganizationId, "所在社会组织", "Organization")
            .Field(x => x.EmployerName, "工作单位", "Employer")
            .Field(x => x.Post, "岗位", "Post")
            .Field(x => x.StartedOn, "从事社会工作起始日期", "In social work since")
            .Field(x => x.UserId, "平台账号", "Account")
            .Field(x => x.Status, "在岗状态", "Status", state: true)
            .Field(x => x.StatusReason, "状态说明", "Status reason")
            .Ignore(x => x.Level, x => x.QualifiedOn, x => x.RegisteredUntil, x => x.Version, x => x.CreatedAt, x => x.CreatedById, x => x.CreatedByName);
        v.Entity<Qualification>("职业资格", "Qualification")
            .Name(x => x.CertificateNo)
            .NameOf<SocialWorker>(x => x.SocialWorkerId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.SocialWorkerId, "社会工作者", "Social worker")
            .Field(x => x.Level, "等级", "Level")
            .Field(x => x.Route, "取得方式", "Route")
            .Field(x => x.ObtainedOn, "取得日期", "Obtained on")
            .Field(x => x.CertificateNo, "证书编号", "Certificate number");
        v.Entity<Registration>("职业水平登记", "Registration")
            .Name(x => x.RegistrationNo)
            .NameOf<SocialWorker>(x => x.SocialWorkerId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.SocialWorkerId, "社会工作者", "Social worker")
            .Field(x => x.QualificationId, "职业资格", "Qualification")
            .Field(x => x.Level, "等级", "Level")
            .Field(x => x.Renewal, "再登记", "Renewal")
            .Field(x => x.RegisteredOn, "登记日期", "Registered on")
            .Field(x => x.ValidUntil, "有效期至", "Valid until")
            .Field(x => x.RegistrationNo, "登记证书编号", "Registration number")
            .Field(x => x.PeriodMinutes, "上一周期继续教育时长（分钟）", "Minutes of the period")
            .Ignore(x => x.RegisteredAt, x => x.RegisteredById, x => x.RegisteredByName);
        v.Entity<EducationRecord>("继续教育记录", "Continuing-education record")
            .Name(x => x.Content)
            .NameOf<SocialWorker>(x => x.SocialWorkerId)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.SocialWorkerId, "社会工作者", "Social worker")
            .Field(x => x.Source, "来源", "Source")
            .Field(x => x.On, "日期", "Date")
            .Field(x => x.Minutes, "时长（分钟）", "Minutes")
            .Field(x => x.Content, "内容", "Content")
            .Field(x => x.TrainingEnrolmentId, "培训报名", "Training enrolment")
            .Ignore(x => x.RecordedAt, x => x.RecordedById, x => x.RecordedByName);
        v.Enum<SocialWorkLevel>(Qualification.LevelLabel);
        v.Enum<QualificationRoute>(Qualification.RouteLabel);
        v.Enum<Education>(SocialWorker.EducationLabel);
        v.Enum<EmployerKind>(SocialWorker.EmployerKindLabel);
        v.Enum<SocialWorkerStatus>(SocialWorker.StatusLabel);
        v.Enum<EducationSource>(EducationRecord.SourceLabel);
    }
}
