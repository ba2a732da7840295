using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;

namespace Wushe.Features.Organizations;

sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.RegisteringAuthority).HasMaxLength(100);
        b.Property(x => x.LegalRepresentative).HasMaxLength(50);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.StatusReason).HasMaxLength(200);
        b.OwnsSealed(x => x.ContactPhone, "ContactPhone");
        b.Property(x => x.Version).IsConcurrencyToken();
        // Natural key: a credit code names one body nationally (ADR 0005). Organizations without one (NULL) do not collide.
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.HasIndex(x => new { x.AreaCode, x.Name });
        b.HasIndex(x => x.ParentId);
    }
}

sealed class OrganizationServiceAreaConfiguration : IEntityTypeConfiguration<OrganizationServiceArea>
{
    public void Configure(EntityTypeBuilder<OrganizationServiceArea> b)
    {
        b.Property(x => x.ServedAreaCode).HasMaxLength(12);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganizationId, x.ServedAreaCode }).IsUnique();
    }
}

/// <summary>How the organizations feature's records read in the audit log.</summary>
sealed class OrganizationsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Organization>("社会组织", "Social organization")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "登记管理机关所在区划", "Registering area")
            .Field(x => x.Name, "组织名称", "Name")
            .Field(x => x.CreditCode, "统一社会信用代码", "Unified social credit code")
            .Field(x => x.Kind, "组织类型", "Kind")
            .Field(x => x.ParentId, "所属组织", "Belongs to")
            .Field(x => x.RegisteringAuthority, "登记管理机关", "Registering authority")
            .Field(x => x.RegisteredOn, "登记日期", "Registered on")
            .Field(x => x.LegalRepresentative, "法定代表人", "Legal representative")
            .Field(x => x.ContactName, "联系人", "Contact")
            .Field(x => x.ContactPhone, "联系电话", "Contact phone")
            .Field(x => x.Address, "地址", "Address")
            .Field(x => x.FocusAreas, "服务领域", "Focus areas")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.StatusReason, "状态变更原因", "Reason for the status")
            .Ignore(x => x.Version, x => x.CreatedAt);

        v.Entity<OrganizationServiceArea>("社会组织服务区域", "Organization service area")
            .NameOf<Organization>(x => x.OrganizationId)
            .Area(x => x.AreaCode, "登记管理机关所在区划", "Registering area")
            .Field(x => x.OrganizationId, "社会组织", "Organization")
            .Area(x => x.ServedAreaCode, "服务区域", "Service area");

        v.Enum<OrganizationKind>(Organization.KindLabel);
        v.Enum<OrganizationStatus>(Organization.StatusLabel);
        v.Enum<FocusArea>(Organization.FocusLabel);
    }
}

/// <summary><c>db.Organizations</c>: the feature's own set (see StationsDb for why it is declared here).</summary>
public static class OrganizationsDb
{
    extension(AppDb db)
    {
        public DbSet<Organization> Organizations => db.Set<Organization>();
    }
}

sealed class IncubationProgrammeConfiguration : IEntityTypeConfiguration<IncubationProgramme>
{
    public void Configure(EntityTypeBuilder<IncubationProgramme> b)
    {
        b.Property(x => x.HostName).HasMaxLength(100);
        b.Property(x => x.StatusReason).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OrganizationId);
        // One programme in progress per organization (StartIncubation checks first; this refuses the request that races past it).
        b.HasIndex(x => x.OrganizationId, IncubationProgramme.OneInProgressIndex).IsUnique()
            .HasFilter($"\"Status\" = {(int)IncubationStatus.InProgress}");
        b.HasIndex(x => new { x.AreaCode, x.Status });
    }
}

sealed class IncubationMilestoneConfiguration : IEntityTypeConfiguration<IncubationMilestone>
{
    public void Configure(EntityTypeBuilder<IncubationMilestone> b)
    {
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<IncubationProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProgrammeId);
    }
}

sealed class IncubationSupportConfiguration : IEntityTypeConfiguration<IncubationSupport>
{
    public void Configure(EntityTypeBuilder<IncubationSupport> b)
    {
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<IncubationProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProgrammeId);
    }
}

/// <summary>How incubation records read in the audit log.</summary>
sealed class IncubationVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<IncubationProgramme>("孵化", "Incubation")
            .NameOf<Organization>(x => x.OrganizationId)
            .Area(x => x.AreaCode, "登记管理机关所在区划", "Registering area")
            .Field(x => x.OrganizationId, "社会组织", "Organization")
            .Field(x => x.HostStationId, "孵化站点", "Host station")
            .Field(x => x.HostName, "孵化单位", "Host")
            .Field(x => x.StartOn, "入孵日期", "Started on")
            .Field(x => x.PlannedEndOn, "计划出壳日期", "Planned end")
            .Field(x => x.Status, "孵化状态", "Incubation status", state: true)
            .Field(x => x.EndedOn, "结束日期", "Ended on")
            .Field(x => x.StatusReason, "状态变更说明", "Reason for the status")
            .Ignore(x => x.Version);

        v.Entity<IncubationMilestone>("孵化里程碑", "Incubation milestone")
            .Name(x => x.Title)
            .Area(x => x.AreaCode, "登记管理机关所在区划", "Registering area")
            .Field(x => x.ProgrammeId, "孵化", "Incubation")
            .Field(x => x.Title, "里程碑", "Milestone")
            .Field(x => x.DueOn, "计划完成日期", "Due on")
            .Field(x => x.DoneOn, "完成日期", "Done on")
            .Field(x => x.Note, "备注", "Note");

        v.Entity<IncubationSupport>("孵化支持", "Incubation support")
            .Area(x => x.AreaCode, "登记管理机关所在区划", "Registering area")
            .Field(x => x.ProgrammeId, "孵化", "Incubation")
            .Field(x => x.GivenOn, "支持日期", "Given on")
            .Field(x => x.Kind, "支持类型", "Kind")
            .Money(x => x.AmountFen, "金额", "Amount")
            .Field(x => x.Note, "说明", "Note");

        v.Enum<IncubationStatus>(IncubationProgramme.StatusLabel);
        v.Enum<IncubationSupportKind>(IncubationProgramme.KindLabel);
    }
}
