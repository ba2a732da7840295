using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Features.Organizations;

namespace Wushe.Features.Volunteers.Teams;

sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(x => x.Name).HasMaxLength(40);
        b.Property(x => x.Brand).HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.OwnerName).HasMaxLength(100);
        b.Property(x => x.StatusReason).HasMaxLength(200);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // One name per area, also when two creations race (a dissolved team keeps its name: a new one is named anew).
        b.HasIndex(x => new { x.AreaCode, x.Name }).IsUnique();
        b.HasIndex(x => x.OrganizationId);
    }
}

sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.DecidedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        // One pending (1) or active (2) membership per volunteer and team, also when two requests race.
        b.HasIndex(x => new { x.TeamId, x.VolunteerId }).IsUnique().HasFilter("\"Status\" IN (1, 2)");
        b.HasIndex(x => new { x.TeamId, x.Status });
        b.HasIndex(x => new { x.VolunteerId, x.Status });
    }
}

/// <summary>How volunteer teams read in the audit log.</summary>
sealed class TeamsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Team>("志愿服务队", "Volunteer team")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.Name, "队伍名称", "Name")
            .Field(x => x.Brand, "品牌名称", "Brand")
            .Field(x => x.Kind, "服务类别", "Service category")
            .Field(x => x.Description, "服务内容", "Description")
            .Field(x => x.OwnerKind, "归属类型", "Owner kind")
            .Field(x => x.OrganizationId, "所属社会组织", "Organization")
            .Field(x => x.OwnerName, "所属单位", "Owner")
            .Field(x => x.FoundedOn, "成立日期", "Founded on")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.StatusReason, "解散原因", "Reason for dissolving")
            .Ignore(x => x.Version, x => x.CreatedAt, x => x.CreatedById, x => x.CreatedByName);

        v.Entity<TeamMember>("志愿服务队队员", "Team member")
            .NameOf<Volunteer>(x => x.VolunteerId)
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.TeamId, "志愿服务队", "Team")
            .Field(x => x.VolunteerId, "志愿者", "Volunteer")
            .Field(x => x.Role, "队内职务", "Role")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.AppliedAt, "申请时间", "Applied at")
            .Field(x => x.JoinedAt, "入队时间", "Joined at")
            .Field(x => x.EndedAt, "离队时间", "Ended at")
            .Field(x => x.Reason, "原因", "Reason")
            .Field(x => x.DecidedByName, "审核人", "Decided by")
            .Ignore(x => x.Version);

        v.Enum<TeamOwnerKind>(Team.OwnerKindLabel);
        v.Enum<TeamStatus>(Team.StatusLabel);
        v.Enum<TeamRole>(TeamMember.RoleLabel);
        v.Enum<MembershipStatus>(TeamMember.StatusLabel);
    }
}
