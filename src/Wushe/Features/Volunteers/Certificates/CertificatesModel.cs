using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wushe.Features.Volunteers.Certificates;

sealed class VolunteerCertificateConfiguration : IEntityTypeConfiguration<VolunteerCertificate>
{
    public void Configure(EntityTypeBuilder<VolunteerCertificate> b)
    {
        b.Property(x => x.Number).HasMaxLength(30);
        b.Property(x => x.VolunteerName).HasMaxLength(50);
        b.Property(x => x.VolunteerNo).HasMaxLength(20);
        b.Property(x => x.ServiceSummary).HasMaxLength(500);
        b.Property(x => x.IssuerName).HasMaxLength(60);
        b.Property(x => x.IssuedByName).HasMaxLength(50);
        b.Property(x => x.RevokeReason).HasMaxLength(200);
        b.Property(x => x.RevokedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Number).IsUnique();
        // Two certificates issued at one moment take the same sequence: the second is numbered again (IssueCertificate).
        b.HasIndex(x => new { x.Year, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.VolunteerId, x.IssuedAt });
        b.HasIndex(x => new { x.AreaCode, x.IssuedAt });
    }
}

/// <summary>How certificates read in the audit log.</summary>
sealed class CertificatesVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<VolunteerCertificate>("志愿服务证明", "Volunteer service certificate")
            .NameOf<Volunteer>(x => x.VolunteerId)
            .Area(x => x.AreaCode, "志愿者所在社区", "Area")
            .Field(x => x.Number, "证明编号", "Number")
            .Field(x => x.VolunteerId, "志愿者", "Volunteer")
            .Field(x => x.VolunteerName, "姓名", "Name")
            .Field(x => x.VolunteerNo, "志愿者编号", "Volunteer number")
            .Field(x => x.PeriodFrom, "服务期间起", "From")
            .Field(x => x.PeriodTo, "服务期间止", "To")
            .Field(x => x.Minutes, "服务时长（分钟）", "Minutes")
            .Field(x => x.Records, "服务记录数", "Records")
            .Field(x => x.ServiceSummary, "服务内容", "Service content")
            .Field(x => x.IssuerName, "出具单位", "Issuer")
            .Field(x => x.SelfService, "本人自助申请", "Self-service")
            .Field(x => x.IssuedOn, "出具日期", "Issued on")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.RevokeReason, "作废原因", "Reason revoked")
            .Field(x => x.RevokedAt, "作废时间", "Revoked at")
            .Field(x => x.RevokedByName, "作废人", "Revoked by")
            .Ignore(x => x.Version, x => x.Year, x => x.Sequence, x => x.Snapshot, x => x.IssuedAt, x => x.IssuedById, x => x.IssuedByName);
        v.Enum<CertificateStatus>(VolunteerCertificate.StatusLabel);
    }
}
