using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;

namespace Wushe.Features.Households;

sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.HeadName).HasMaxLength(50);
        b.Property(x => x.CardColour).HasMaxLength(20);
        b.Property(x => x.CardName).HasMaxLength(20);
        b.Property(x => x.WorkerName).HasMaxLength(50);
        b.Property(x => x.MajorChangeNote).HasMaxLength(500);
        b.Property(x => x.ClosedNote).HasMaxLength(EditHousehold.MaxClosedNote);
        b.Property(x => x.ReopenReason).HasMaxLength(EditHousehold.MaxReopenReason);
        b.Property(x => x.MoveNote).HasMaxLength(MoveHousehold.MaxNote);
        b.Property(x => x.Version).IsConcurrencyToken();
        // "My visits" and overdue lists: due dates within an area, within a worker's households, and city-wide by date.
        b.HasIndex(x => new { x.AreaCode, x.NextDueOn });
        b.HasIndex(x => new { x.WorkerId, x.NextDueOn });
        b.HasIndex(x => new { x.NextDueOn, x.AreaCode }).HasDatabaseName(ListHouseholds.DueIndex);
        // The list's keyword ("contains" on the head's name and the address, or a member's name) tests every household of
        // the scope: this index holds every column the test and the page's order read, so a city's search walks the index
        // alone, never the rows (about 3× less CPU than the (AreaCode, NextDueOn) range plus a row per household; docs/PERFORMANCE.md).
        b.HasIndex(x => new { x.AreaCode, x.HeadName, x.Address, x.NextDueOn, x.Id }).HasDatabaseName(ListHouseholds.KeywordIndex);
    }
}

sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    /// <summary>The unique index of the ID numbers held (see <see cref="Resident.IdNumberReleased"/>).</summary>
    public const string HeldIdNumberIndex = "UX_Residents_IdNumberHeld";

    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.HealthNote).HasMaxLength(1000);
        b.Property(x => x.GuardianName).HasMaxLength(50);
        b.Property(x => x.LeftNote).HasMaxLength(RecordMemberLeft.MaxNote);
        b.Property(x => x.GuardianRelation).HasMaxLength(20);
        b.Property(x => x.IdTail).HasMaxLength(4);
        // One person once on the platform: the keyed hash of the normalised ID number (upper-case X) is unique among the residents
        // who hold theirs — not one who moved out, or whose household was closed as moved away (Resident.IdNumberReleased): that
        // person may be registered again elsewhere. The plain index on the hash serves the look-ups (ResidentFields.CheckIdNumberAsync).
        b.OwnsSealed(x => x.IdNumber, "IdNumber");
        b.OwnsOne(x => x.IdNumber).HasIndex(x => x.Hash, HeldIdNumberIndex).IsUnique().HasFilter("NOT \"IdNumberReleased\"");
        b.OwnsSealed(x => x.Phone, "Phone");
        b.OwnsSealed(x => x.GuardianPhone, "GuardianPhone");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.HouseholdId);
        b.HasIndex(x => new { x.Name, x.AreaCode });
        b.HasIndex(x => new { x.IdTail, x.AreaCode });
        b.HasIndex(x => new { x.AreaCode, x.BirthDate });
    }
}

sealed class TargetGroupConfiguration : IEntityTypeConfiguration<TargetGroup>
{
    public void Configure(EntityTypeBuilder<TargetGroup> b)
    {
        b.Property(x => x.Name).HasMaxLength(30);
        b.Property(x => x.NameEn).HasMaxLength(60);
        b.HasIndex(x => new { x.AreaCode, x.Name }).IsUnique();
    }
}

sealed class ResidentTagConfiguration : IEntityTypeConfiguration<ResidentTag>
{
    public void Configure(EntityTypeBuilder<ResidentTag> b)
    {
        b.HasKey(x => new { x.ResidentId, x.TargetGroupId });
        b.HasIndex(x => new { x.TargetGroupId, x.AreaCode });
        b.HasIndex(x => x.HouseholdId);
    }
}

sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.Property(x => x.ConsentedBy).HasMaxLength(50);
        b.Property(x => x.Relation).HasMaxLength(20);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.HasIndex(x => x.ResidentId);
    }
}

sealed class CardSchemeConfiguration : IEntityTypeConfiguration<CardScheme>
{
    public void Configure(EntityTypeBuilder<CardScheme> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.NameEn).HasMaxLength(60);
        b.Property(x => x.Colours).HasJsonConversion();
        b.Property(x => x.Version).IsConcurrencyToken();
        // One scheme per area: the nearest one above a household is its scheme.
        b.HasIndex(x => x.AreaCode).IsUnique();
    }
}

sealed class CardAssignmentConfiguration : IEntityTypeConfiguration<CardAssignment>
{
    public void Configure(EntityTypeBuilder<CardAssignment> b)
    {
        b.Property(x => x.Colour).HasMaxLength(20);
        b.Property(x => x.ColourName).HasMaxLength(20);
        b.Property(x => x.PreviousName).HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.AssignedByName).HasMaxLength(50);
        b.HasIndex(x => new { x.HouseholdId, x.RecordedAt });
    }
}

sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.Visitors).HasMaxLength(200);
        b.Property(x => x.LivingConditions).HasMaxLength(1000);
        b.Property(x => x.Health).HasMaxLength(1000);
        b.Property(x => x.Safety).HasMaxLength(1000);
        b.Property(x => x.NeedsFound).HasMaxLength(1000);
        b.Property(x => x.ServicesNote).HasMaxLength(1000);
        b.Property(x => x.FollowUps).HasMaxLength(1000);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.Property(x => x.Services).HasJsonConversion();
        b.HasIndex(x => new { x.HouseholdId, x.VisitedOn });
        b.HasIndex(x => new { x.AreaCode, x.VisitedOn });
    }
}

sealed class VisitParticipantConfiguration : IEntityTypeConfiguration<VisitParticipant>
{
    public void Configure(EntityTypeBuilder<VisitParticipant> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => new { x.UserId, x.HouseholdId });
    }
}

sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> b)
    {
        b.Property(x => x.Workers).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(200);
        b.HasIndex(x => new { x.AreaCode, x.ServedOn });
        b.HasIndex(x => new { x.Source, x.SourceId });
    }
}

sealed class ServiceBeneficiaryConfiguration : IEntityTypeConfiguration<ServiceBeneficiary>
{
    public void Configure(EntityTypeBuilder<ServiceBeneficiary> b)
    {
        b.HasKey(x => new { x.ServiceRecordId, x.ResidentId });
        // Unique people served in an area and period: the index holds everything the count reads.
        b.HasIndex(x => new { x.AreaCode, x.ServedOn, x.ResidentId });
        b.HasIndex(x => new { x.ResidentId, x.ServedOn });
    }
}

/// <summary>How the households feature's records read in the audit log. Free text about people, sealed values and tags are sensitive.</summary>
sealed class HouseholdsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Household>("家庭户", "Household")
            .Name(x => x.Address)
            .Area(x => x.AreaCode, "所属社区（村）", "Community")
            .Field(x => x.Address, "家庭住址", "Address")
            .Field(x => x.HeadName, "户主", "Head")
            .Field(x => x.MemberCount, "家庭人数", "Members")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.CardSchemeId, "户卡方案", "Card scheme")
            .Field(x => x.CardColour, "户卡颜色", "Card colour")
            .Field(x => x.CardName, "户卡", "Card")
            .Field(x => x.VisitEveryDays, "探访周期（天）", "Visit every (days)")
            .Field(x => x.WorkerId, "包户社工", "Responsible worker")
            .Field(x => x.WorkerName, "包户社工姓名", "Responsible worker (name)")
            .Field(x => x.LastVisitedOn, "最近探访", "Last visited")
            .Field(x => x.NextDueOn, "下次应访", "Next visit due")
            .Field(x => x.MajorChangeOn, "重大变故日期", "Major change on")
            .Field(x => x.MajorChangeReportedOn, "重大变故报告日期", "Major change reported")
            .Sensitive(x => x.MajorChangeNote, "重大变故情况", "Major change")
            .Field(x => x.ClosedReason, "注销原因", "Reason closed")
            .Field(x => x.ClosedOn, "注销日期", "Closed on")
            .Sensitive(x => x.ClosedNote, "注销说明", "Closing note")
            .Field(x => x.ReopenedOn, "恢复日期", "Reopened on")
            .Sensitive(x => x.ReopenReason, "恢复原因", "Reason reopened")
            .Field(x => x.MovedOn, "迁移日期", "Moved on")
            .Area(x => x.MovedFromAreaCode, "迁出社区（村）", "Moved from")
            .Sensitive(x => x.MoveNote, "迁移说明", "Note on the move")
            .Ignore(x => x.Version, x => x.CreatedAt);

        v.Entity<Resident>("居民", "Resident")
            .Name(x => Platform.Sensitive.Mask.Name(x.Name))
            .Area(x => x.AreaCode, "所属社区（村）", "Community")
            .Field(x => x.HouseholdId, "家庭户", "Household")
            .Sensitive(x => x.Name, "姓名", "Name")
            .Field(x => x.Sex, "性别", "Sex")
            .Sensitive(x => x.BirthDate, "出生日期", "Birth date")
            .Field(x => x.Relation, "与户主关系", "Relation to head")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.LeftOn, "迁出或死亡日期", "Left or died on")
            .Field(x => x.IdNumberReleased, "身份证号码可重新登记", "ID number free to register again")
            .Sensitive(x => x.LeftNote, "迁出或死亡说明", "Note on leaving")
            .Field(x => x.IdNumber, "身份证号码", "ID number")
            .Field(x => x.Phone, "联系电话", "Phone")
            .Sensitive(x => x.HealthNote, "健康与照护情况", "Health and care")
            .Sensitive(x => x.GuardianName, "监护人", "Guardian")
            .Field(x => x.GuardianRelation, "监护人关系", "Guardian's relation")
            .Field(x => x.GuardianPhone, "监护人电话", "Guardian's phone")
            .Ignore(x => x.IdTail, x => x.Version, x => x.CreatedAt);

        v.Entity<TargetGroup>("重点人群标签", "Target-group tag")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "设定区划", "Defined by")
            .Field(x => x.Name, "标签名称", "Name")
            .Field(x => x.NameEn, "英文名称", "English name")
            .Field(x => x.Kind, "类别", "Kind")
            .Field(x => x.Order, "排序", "Order")
            .Field(x => x.MinAge, "最小年龄", "Minimum age")
            .Field(x => x.MaxAge, "最大年龄", "Maximum age")
            .Field(x => x.IsActive, "启用", "Active", state: true);

        v.Entity<ResidentTag>("居民标签", "Resident's tag")
            .NameOf<Resident>(x => x.ResidentId).NameOf<TargetGroup>(x => x.TargetGroupId)
            .Area(x => x.AreaCode, "所属社区（村）", "Community")
            .Field(x => x.ResidentId, "居民", "Resident")
            .Field(x => x.HouseholdId, "家庭户", "Household")
            .Field(x => x.TargetGroupId, "标签", "Tag");

        v.Entity<Consent>("知情同意", "Consent")
            .NameOf<Resident>(x => x.ResidentId)
            .Area(x => x.AreaCode, "所属社区（村）", "Community")
            .Field(x => x.ResidentId, "居民", "Resident")
            .Sensitive(x => x.ConsentedBy, "同意人", "Consented by")
            .Field(x => x.Relation, "与本人关系", "Relation")
            .Field(x => x.ByGuardian, "监护人同意", "By the guardian")
            .Field(x => x.Scope, "同意范围", "Scope")
            .Field(x => x.GivenOn, "同意日期", "Given on")
            .Field(x => x.WithdrawnOn, "撤回日期", "Withdrawn on", state: true)
            .Field(x => x.RecordedById, "登记人", "Recorded by")
            .Field(x => x.RecordedByName, "登记人姓名", "Recorded by (name)")
            .Ignore(x => x.RecordedAt);

        v.Entity<CardScheme>("户卡方案", "Card scheme")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "设定区划", "Defined by")
            .Field(x => x.Name, "方案名称", "Name")
            .Field(x => x.NameEn, "英文名称", "English name")
            .Field(x => x.Colours, "颜色与探访周期", "Colours and visit frequencies")
            .Field(x => x.GuardianshipReassessMonths, "监护评估复评周期（月）", "Guardianship re-assessment (months)")
            .Ignore(x => x.Version, x => x.UpdatedAt);

        v.Entity<CardAssignment>("户卡变更", "Card change")
            .NameOf<Household>(x => x.HouseholdId).Name(x => x.ColourName)
            .Area(x => x.AreaCode, "所属社区（村）", "Community")
            .Field(x => x.HouseholdId, "家庭户", "Household")
            .Field(x => x.SchemeId, "户卡方案", "Scheme")
            .Field(x => x.Colour, "颜色", "Colour")
            .Field(x => x.ColourName, "户卡", "Card")
            .Field(x => x.PreviousName, "原户卡", "Previous card")
            .Field(x => x.VisitEveryDays, "探访周期（天）", "Visit every (days)")
            .Sensitive(x => x.Reason, "调整原因", "Reason")
            .Field(x => x.AssignedOn, "调整日期", "Assigned on")
            .Field(x => x.AssignedById, "调整人", "Assigned by")
            .Field(x => x.AssignedByName, "调整人姓名", "Assigned by (name)")
            .Ignore(x => x.RecordedAt);

        v.Entity<Visit>("入户探访", "Visit")
            .NameOf<Household>(x => x.HouseholdId).Name(x => Platform.ChinaTime.Format(x.VisitedOn))
            .Area(x => x.AreaCode, "所属社区（村）", "Community")
            .Field(x => x.HouseholdId, "家庭户", "Household")
            .Field(x => x.VisitedOn, "探访日期", "Visited on")
            .Field(x => x.Method, "探访方式", "Method")
            .Field(x => x.Visitors, "探访人员", "Visitors")
            .Sensitive(x => x.LivingConditions, "生活状况", "Living conditions")
            .Sensitive(x => x.Health, "健康状况", "Health")
            .Sensitive(x => x.Safety, "安全状况", "Safety")
            .Sensitive(x => x.NeedsFound, "发现需求", "Needs found")
            .Field(x => x.Services, "现场服务", "Services given")
            .Sensitive(x => x.ServicesNote, "服务说明", "Services note")
            .Sensitive(x => x.FollowUps, "后续跟进", "Follow-ups")
            .Field(x => x.FollowUpDue, "跟进期限", "Follow-up due")
            .Field(x => x.RecordedById, "记录人", "Recorded by")
            .Field(x => x.RecordedByName, "记录人姓名", "Recorded by (name)")
            .Ignore(x => x.RecordedAt);

        // Derived in the visit's (or case's, group session's) transaction, whose own record is audited.
        v.NotAudited<VisitParticipant>();
        v.NotAudited<ServiceRecord>("服务记录", "Service records");
        v.NotAudited<ServiceBeneficiary>();
        // Figures derived from the service records (ServiceTallies), never written by a person.
        v.NotAudited<ServiceTally>();
        v.NotAudited<ServedPeopleTally>();

        v.Enum<HouseholdStatus>(Household.StatusLabel);
        v.Enum<Sex>(Resident.SexLabel);
        v.Enum<Relation>(Resident.RelationLabel);
        v.Enum<ResidentStatus>(Resident.StatusLabel);
        v.Enum<TargetGroupKind>(TargetGroups.KindLabel);
        v.Enum<ClosureReason>(Household.ClosureLabel);
        v.Enum<ConsentScope>(Consent.ScopeLabel);
        v.Enum<VisitMethod>(Visit.MethodLabel);
        v.Enum<ParticipantKind>(VisitParticipant.KindLabel);
        v.Enum<ServiceKind>(ServiceRecord.KindLabel);
        v.Enum<ServiceSource>(ServiceRecord.SourceLabel);
    }
}
