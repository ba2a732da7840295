using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Platform.Access;

namespace Wushe.Features.Workforce.Talents;

/// <summary>
/// 新增社会工作人才的统计口径: what a bureau counts as a new social-work talent, as data — the people of the register who, in the period,
/// first obtained a qualification, and/or took up social work (their start date), and/or first attended a platform training — each
/// person once however many apply. The figure is always shown with <see cref="TalentFigures.Definition"/> beside it, so that a
/// reported number ("增加社会工作人才 7761人", the Bijie report) is reproducible and honestly labelled.
/// </summary>
public sealed class TalentDefinition : IAreaScoped
{
    private TalentDefinition() { AreaCode = Name = Note = CreatedByName = ""; }

    public TalentDefinition(string areaCode, Guid? by, string byName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Name = Note = "";
        CreatedById = by;
        CreatedByName = byName;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    /// <summary>12-digit code of the area that defined it (a county, city or province); the figure counts that area's register.</summary>
    public string AreaCode { get; private set; }
    /// <summary>The figure's name as reported, e.g. 新增社会工作人才 (2–30 characters).</summary>
    public string Name { get; private set; }
    /// <summary>First day of the period (China date).</summary>
    public DateOnly From { get; private set; }
    /// <summary>Last day of the period; null: up to today (截至目前).</summary>
    public DateOnly? To { get; private set; }
    /// <summary>Counts people whose first qualification was obtained in the period.</summary>
    public bool NewlyQualified { get; private set; }
    /// <summary>Counts people who took up social work in the period (the register's start date).</summary>
    public bool NewlyEmployed { get; private set; }
    /// <summary>Counts people whose first platform training (a training credit) fell in the period.</summary>
    public bool NewlyTrained { get; private set; }
    /// <summary>The bureau's own words on the definition (at most 200 characters), printed with it.</summary>
    public string Note { get; private set; }
    public Guid? CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Set(string name, DateOnly from, DateOnly? to, bool qualified, bool employed, bool trained, string note)
    {
        Name = name;
        From = from;
        To = to;
        NewlyQualified = qualified;
        NewlyEmployed = employed;
        NewlyTrained = trained;
        Note = note;
    }

    public void Touch() => Version++;
}

sealed class TalentDefinitionConfiguration : IEntityTypeConfiguration<TalentDefinition>
{
    public void Configure(EntityTypeBuilder<TalentDefinition> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(30);
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.AreaCode);
    }
}

/// <summary>How the talent definitions read in the audit log.</summary>
sealed class TalentsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v) =>
        v.Entity<TalentDefinition>("新增人才统计口径", "New-talent definition")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "所在区划", "Area")
            .Field(x => x.Name, "名称", "Name")
            .Field(x => x.From, "起始日期", "From")
            .Field(x => x.To, "截止日期", "To")
            .Field(x => x.NewlyQualified, "首次取得职业资格", "First qualified")
            .Field(x => x.NewlyEmployed, "新从事社会工作", "Took up social work")
            .Field(x => x.NewlyTrained, "首次参加培训", "First trained")
            .Field(x => x.Note, "口径说明", "Note")
            .Ignore(x => x.Version, x => x.CreatedAt, x => x.CreatedById, x => x.CreatedByName);
}
