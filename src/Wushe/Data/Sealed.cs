using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Platform.Sensitive;

namespace Wushe.Data;

public static class Sealed
{
    /// <summary>Maps a sealed value to three columns (cipher, hash, masked) with an index on the hash (unique where one value may belong to one record only).</summary>
    public static void OwnsSealed<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, SealedValue?>> property, string prefix, bool unique = false)
        where T : class =>
        builder.OwnsOne(property, (OwnedNavigationBuilder<T, SealedValue> b) =>
        {
            b.Property(x => x.Cipher).HasColumnName(prefix + "Cipher").HasMaxLength(512);
            b.Property(x => x.Hash).HasColumnName(prefix + "Hash").HasMaxLength(64);
            b.Property(x => x.Masked).HasColumnName(prefix + "Masked").HasMaxLength(32);
            b.HasIndex(x => x.Hash).IsUnique(unique);
        });
}
