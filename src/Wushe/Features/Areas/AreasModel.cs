using Wushe.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Platform.Areas;

namespace Wushe.Features.Areas;

sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.ToTable("Areas"); // the name its former DbSet gave it: the model stays as migrated
        b.HasKey(x => x.Code);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => new { x.Level, x.Code });
        b.Ignore(x => x.IsCurrent);
    }
}

/// <summary>How divisions read in the audit log (one-by-one changes; imports write one summary record).</summary>
sealed class AreasVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Area>("行政区划", "Area")
            .Name(x => x.Name)
            .Field(x => x.Code, "区划代码", "Code")
            .Field(x => x.Name, "名称", "Name")
            .Field(x => x.Level, "层级", "Level")
            .Area(x => x.ParentCode, "上级区划", "Parent")
            .Field(x => x.Kind, "类别", "Kind")
            .Field(x => x.IsGenerated, "生成的区划", "Generated")
            .Field(x => x.NeedsStation, "需建社工站", "Needs a station")
            .Field(x => x.ValidFrom, "生效日期", "Valid from")
            .Field(x => x.ValidTo, "撤销日期", "Retired on", state: true);

        v.Enum<AreaLevel>(AreaCode.LevelLabel);
        v.Enum<AreaKind>(k => k == AreaKind.Other ? Platform.Localization.Lang.T("其他", "Other") : BrowseAreas.KindLabel(k));
    }
}

/// <summary>
/// <c>db.Areas</c>: the feature's own set, declared here so that AppDb names no feature's entity. Inside a query
/// lambda (a subquery) write <c>db.Set&lt;T&gt;()</c>: C# does not put extension properties in expression trees.
/// </summary>
public static class AreasDb
{
    extension(AppDb db)
    {
        public DbSet<Area> Areas => db.Set<Area>();
    }
}
