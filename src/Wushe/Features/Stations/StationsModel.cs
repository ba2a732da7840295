using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;

namespace Wushe.Features.Stations;

sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(12).IsRequired();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.OwnsSealed(x => x.ContactPhone, "ContactPhone");
        b.Property(x => x.Version).IsConcurrencyToken();
        // One station of a level per area: a township has one township station.
        b.HasIndex(x => new { x.AreaCode, x.Level }).IsUnique();
    }
}

sealed class StationStaffConfiguration : IEntityTypeConfiguration<StationStaff>
{
    public void Configure(EntityTypeBuilder<StationStaff> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(12);
        b.HasIndex(x => x.AreaCode);
        b.Property(x => x.Position).HasMaxLength(50);
        b.HasIndex(x => new { x.StationId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

sealed class ServicePurchaseConfiguration : IEntityTypeConfiguration<ServicePurchase>
{
    public void Configure(EntityTypeBuilder<ServicePurchase> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(12);
        b.Property(x => x.Purchaser).HasMaxLength(100);
        b.Property(x => x.Provider).HasMaxLength(100);
        b.Property(x => x.ContractNo).HasMaxLength(50);
        b.HasIndex(x => x.StationId);
        b.HasIndex(x => x.AreaCode);
    }
}

sealed class StandardCheckConfiguration : IEntityTypeConfiguration<StandardCheck>
{
    public void Configure(EntityTypeBuilder<StandardCheck> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(12);
        b.HasIndex(x => x.AreaCode);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.CheckedByName).HasMaxLength(50);
        b.HasIndex(x => new { x.StationId, x.Item, x.RecordedAt });
    }
}

sealed class SupervisionConfiguration : IEntityTypeConfiguration<Supervision>
{
    public void Configure(EntityTypeBuilder<Supervision> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(12);
        b.Property(x => x.SupervisorName).HasMaxLength(50);
        b.Property(x => x.Topics).HasMaxLength(500);
        b.Property(x => x.Findings).HasMaxLength(2000);
        b.Property(x => x.FollowUps).HasMaxLength(2000);
        b.HasIndex(x => new { x.AreaCode, x.VisitedOn });
        b.HasIndex(x => x.StationId);
    }
}

sealed class RatingRoundConfiguration : IEntityTypeConfiguration<RatingRound>
{
    public void Configure(EntityTypeBuilder<RatingRound> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Modules).HasJsonConversion();
        b.Property(x => x.Levels).HasJsonConversion();
        b.Ignore(x => x.MaxTotal);
    }
}

sealed class StationRatingConfiguration : IEntityTypeConfiguration<StationRating>
{
    public void Configure(EntityTypeBuilder<StationRating> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(12);
        b.HasIndex(x => x.AreaCode);
        b.Property(x => x.RoundAreaCode).HasMaxLength(12);
        b.Property(x => x.LevelName).HasMaxLength(50);
        b.Property(x => x.Scores).HasJsonConversion();
        b.HasIndex(x => new { x.RoundId, x.StationId }).IsUnique();
        b.HasIndex(x => x.StationId);
    }
}
