using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wushe.Features.Areas;

sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(12);
        b.Property(x => x.ParentCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => x.ParentCode);
        b.HasIndex(x => new { x.Level, x.Code });
        b.Ignore(x => x.IsCurrent);
    }
}
