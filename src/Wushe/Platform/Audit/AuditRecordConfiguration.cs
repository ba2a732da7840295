using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wushe.Platform.Audit;

sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> b)
    {
        b.Property(x => x.UserName).HasMaxLength(100);
        b.Property(x => x.Origin).HasMaxLength(64);
        b.Property(x => x.Entity).HasMaxLength(100);
        b.Property(x => x.EntityKey).HasMaxLength(200);
        b.Property(x => x.Fields).HasMaxLength(1000);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.ObjectName).HasMaxLength(AuditRecord.ObjectNameMax);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.Entity, x.EntityKey });
        b.HasIndex(x => x.UserId);
    }
}
