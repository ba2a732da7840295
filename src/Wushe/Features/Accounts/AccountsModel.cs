using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Accounts;

sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(50);
        b.Property(x => x.HomeAreaCode).HasMaxLength(12);
        // A mobile number is a sign-in name and an ID number a person: each belongs to one account.
        b.OwnsSealed(x => x.Phone, "Phone", unique: true);
        b.OwnsSealed(x => x.IdNumber, "IdNumber", unique: true);
        b.HasIndex(x => x.HomeAreaCode);
    }
}

sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(12);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => new { x.UserId, x.Role, x.AreaCode }).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
