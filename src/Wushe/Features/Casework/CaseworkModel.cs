using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;
using Wushe.Features.Households;

namespace Wushe.Features.Casework;

sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("Cases");
        b.Property(x => x.CaseNo).HasMaxLength(40);
        b.Property(x => x.Problem).HasMaxLength(2000);
        b.Property(x => x.WorkerName).HasMaxLength(50);
        b.Property(x => x.NextAction).HasMaxLength(200);
        b.Property(x => x.ClosureReason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CaseNo).IsUnique();
        b.HasIndex(x => new { x.AreaCode, x.Status });
        b.HasIndex(x => new { x.WorkerId, x.Status });
        b.HasIndex(x => x.ResidentId);
    }
}

sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> b)
    {
        b.Property(x => x.Content).HasMaxLength(4000);
        b.Property(x => x.Goals).HasJsonConversion();
        b.Property(x => x.SubmittedByName).HasMaxLength(50);
        b.Property(x => x.DecidedByName).HasMaxLength(50);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.HasIndex(x => new { x.CaseId, x.SubmittedAt });
        b.HasIndex(x => new { x.AreaCode, x.Status });
    }
}

sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.WrittenByName).HasMaxLength(50);
        b.HasIndex(x => new { x.CaseId, x.WrittenAt });
    }
}

sealed class CaseReferralConfiguration : IEntityTypeConfiguration<CaseReferral>
{
    public void Configure(EntityTypeBuilder<CaseReferral> b)
    {
        b.Property(x => x.ToAreaCode).HasMaxLength(12);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.ReferredByName).HasMaxLength(50);
        b.Property(x => x.DecisionNote).HasMaxLength(500);
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => new { x.ToAreaCode, x.Status });
        b.HasIndex(x => new { x.ToOrganizationId, x.Status });
        b.ToTable(t => t.HasCheckConstraint("CK_CaseReferral_OneReceiver", "(\"ToStationId\" IS NULL) <> (\"ToOrganizationId\" IS NULL)"));
    }
}

sealed class GuardianshipAssessmentConfiguration : IEntityTypeConfiguration<GuardianshipAssessment>
{
    public void Configure(EntityTypeBuilder<GuardianshipAssessment> b)
    {
        b.Property(x => x.GuardianName).HasMaxLength(50);
        b.Property(x => x.Findings).HasMaxLength(2000);
        b.Property(x => x.FollowUpPlan).HasMaxLength(2000);
        b.Property(x => x.AssessorName).HasMaxLength(50);
        b.HasIndex(x => new { x.ResidentId, x.AssessedOn });
        b.HasIndex(x => new { x.AreaCode, x.NextDueOn });
    }
}

sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.ToTable("Groups");
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Topic).HasMaxLength(500);
        b.Property(x => x.TargetGroup).HasMaxLength(100);
        b.Property(x => x.WorkerName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.AreaCode, x.StartsOn });
    }
}

sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> b)
    {
        b.HasKey(x => new { x.GroupId, x.ResidentId });
        b.HasIndex(x => x.ResidentId);
    }
}

sealed class GroupSessionConfiguration : IEntityTypeConfiguration<GroupSession>
{
    public void Configure(EntityTypeBuilder<GroupSession> b)
    {
        b.Property(x => x.Theme).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.HasIndex(x => new { x.GroupId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.AreaCode, x.HeldOn });
    }
}

/// <summary>How casework, guardianship assessments and groups read in the audit log; text about people is sensitive.</summary>
sealed class CaseworkVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Case>("个案", "Case")
            .Name(x => x.CaseNo)
            .Area(x => x.AreaCode, "所属社区（村）", "Community")
            .Field(x => x.CaseNo, "个案编号", "Case number")
            .Field(x => x.ResidentId, "服务对象", "Client")
            .Field(x => x.HouseholdId, "家庭户", "Household")
            .Field(x => x.StationId, "社工站", "Station")
            .Sensitive(x => x.Problem, "接案问题", "Presenting problem")
            .Field(x => x.WorkerId, "负责社工", "Worker")
            .Field(x => x.WorkerName, "负责社工姓名", "Worker (name)")
            .Field(x => x.OpenedOn, "开案日期", "Opened on")
            .Field(x => x.Status, "阶段", "Stage", state: true)
            .Field(x => x.NextAction, "下一步工作", "Next action")
            .Field(x => x.NextActionOn, "下一步日期", "Next action on")
            .Field(x => x.ClosedOn, "结案日期", "Closed on")
            .Sensitive(x => x.ClosureReason, "结案原因", "Closure reason")
            .Ignore(x => x.Version, x => x.CreatedAt);

        v.Entity<CaseStep>("个案审批环节", "Case step")
            .NameOf<Case>(x => x.CaseId)
            .Area(x => x.AreaCode, "所属社区（村）", "Community")
            .Field(x => x.CaseId, "个案", "Case")
            .Field(x => x.Kind, "环节", "Step")
            .Sensitive(x => x.Content, "内容", "Content")
            .Sensitive(x => x.Goals, "服务目标", "Goals")
            .Field(x => x.Status, "审批状态", "Approval", state: true)
            .Field(x => x.SubmittedById, "提交人", "Submitted by")
            .Field(x => x.SubmittedByName, "提交人姓名", "Submitted by (name)")
            .Field(x => x.DecidedById, "审批人", "Decided by")
            .Field(x => x.DecidedByName, "审批人姓名", "Decided by (name)")
            .Field(x => x.DecidedAt, "审批时间", "Decided at")
            .Sensitive(x => x.Comment, "审批意见", "Comment")
            .Ignore(x => x.SubmittedAt);

        v.Entity<CaseNote>("个案记录", "Case note")
            .NameOf<Case>(x => x.CaseId)
            .Area(x => x.AreaCode, "所属社区（村）", "Community")
            .Field(x => x.CaseId, "个案", "Case")
            .Sensitive(x => x.Text, "记录内容", "Text")
            .Field(x => x.FileId, "附件", "Attachment")
            .Field(x => x.WrittenById, "记录人", "Written by")
            .Field(x => x.WrittenByName, "记录人姓名", "Written by (name)")
            .Ignore(x => x.WrittenAt);

        v.Entity<CaseReferral>("个案转介", "Case referral")
            .NameOf<Case>(x => x.CaseId)
            .Area(x => x.AreaCode, "转出区划", "From")
            .Field(x => x.CaseId, "个案", "Case")
            .Field(x => x.ToStationId, "接收社工站", "To station")
            .Field(x => x.ToOrganizationId, "接收社会组织", "To organization")
            .Area(x => x.ToAreaCode, "接收区划", "To area")
            .Sensitive(x => x.Reason, "转介原因", "Reason")
            .Field(x => x.ConsentOn, "本人同意日期", "Consent given on")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.ReferredById, "转介人", "Referred by")
            .Field(x => x.ReferredByName, "转介人姓名", "Referred by (name)")
            .Field(x => x.DecidedAt, "处理时间", "Decided at")
            .Sensitive(x => x.DecisionNote, "处理意见", "Decision note")
            .Ignore(x => x.ReferredAt);

        v.Entity<GuardianshipAssessment>("监护评估", "Guardianship assessment")
            .NameOf<Resident>(x => x.ResidentId).Name(x => Platform.ChinaTime.Format(x.AssessedOn))
            .Area(x => x.AreaCode, "所属社区（村）", "Community")
            .Field(x => x.ResidentId, "儿童", "Child")
            .Field(x => x.HouseholdId, "家庭户", "Household")
            .Field(x => x.AssessedOn, "评估日期", "Assessed on")
            .Sensitive(x => x.GuardianName, "监护人", "Guardian")
            .Field(x => x.CapacityScore, "监护能力", "Guardian's capacity")
            .Field(x => x.LivingScore, "生活状况", "Living conditions")
            .Field(x => x.SafetyScore, "安全状况", "Safety")
            .Field(x => x.Level, "评估结果", "Result")
            .Sensitive(x => x.Findings, "评估发现", "Findings")
            .Sensitive(x => x.FollowUpPlan, "跟进计划", "Follow-up plan")
            .Field(x => x.NextDueOn, "下次评估", "Next assessment due")
            .Field(x => x.AssessorId, "评估人", "Assessor")
            .Field(x => x.AssessorName, "评估人姓名", "Assessor (name)")
            .Ignore(x => x.RecordedAt);

        v.Entity<Group>("小组/社区活动", "Group or activity")
            .Name(x => x.Title)
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.Kind, "类型", "Kind")
            .Field(x => x.Title, "名称", "Title")
            .Field(x => x.Topic, "主题", "Topic")
            .Field(x => x.TargetGroup, "服务对象", "Target group")
            .Field(x => x.PlannedSessions, "计划节数", "Planned sessions")
            .Field(x => x.SessionsHeld, "已开展节数", "Sessions held")
            .Field(x => x.StartsOn, "开始日期", "Starts on")
            .Field(x => x.WorkerId, "带领社工", "Worker")
            .Field(x => x.WorkerName, "带领社工姓名", "Worker (name)")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Ignore(x => x.Version, x => x.CreatedAt);

        v.Entity<GroupMember>("小组成员", "Group member")
            .NameOf<Group>(x => x.GroupId).NameOf<Resident>(x => x.ResidentId)
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.GroupId, "小组", "Group")
            .Field(x => x.ResidentId, "居民", "Resident")
            .Field(x => x.JoinedOn, "加入日期", "Joined on");

        v.Entity<GroupSession>("小组活动记录", "Group session")
            .NameOf<Group>(x => x.GroupId).Name(x => $"第{x.Number}节")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.GroupId, "小组", "Group")
            .Field(x => x.Number, "节次", "Session")
            .Field(x => x.HeldOn, "开展日期", "Held on")
            .Field(x => x.Theme, "主题", "Theme")
            .Sensitive(x => x.Notes, "活动记录", "Notes")
            .Field(x => x.Attendance, "出席人数", "Attendance")
            .Ignore(x => x.RecordedAt);

        v.Enum<CaseStatus>(Case.StatusLabel);
        v.Enum<CaseStepKind>(CaseStep.KindLabel);
        v.Enum<StepStatus>(CaseStep.StatusLabel);
        v.Enum<ReferralStatus>(CaseReferral.StatusLabel);
        v.Enum<GuardianshipLevel>(GuardianshipAssessment.LevelLabel);
        v.Enum<GroupKind>(Group.KindLabel);
        v.Enum<GroupStatus>(Group.StatusLabel);
    }
}
