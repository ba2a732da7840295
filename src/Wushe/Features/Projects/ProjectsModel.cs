using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;
using Wushe.Features.Needs;

namespace Wushe.Features.Projects;

sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(x => x.ProjectNo).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.FocusNote).HasMaxLength(50);
        b.Property(x => x.TargetGroups).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.PlannedActivities).HasMaxLength(2000);
        b.Property(x => x.OrganizationName).HasMaxLength(100);
        b.Property(x => x.StatusNote).HasMaxLength(500);
        b.Property(x => x.DesignedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ProjectNo).IsUnique();
        b.HasIndex(x => new { x.AreaCode, x.Status });
        b.HasIndex(x => new { x.OrganizationId, x.Status });
    }
}

sealed class ProjectFundingConfiguration : IEntityTypeConfiguration<ProjectFunding>
{
    public void Configure(EntityTypeBuilder<ProjectFunding> b)
    {
        b.Property(x => x.Note).HasMaxLength(100);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProjectId);
    }
}

sealed class ProjectIndicatorConfiguration : IEntityTypeConfiguration<ProjectIndicator>
{
    public void Configure(EntityTypeBuilder<ProjectIndicator> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Unit).HasMaxLength(10);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProjectId);
    }
}

sealed class ProjectNeedConfiguration : IEntityTypeConfiguration<ProjectNeed>
{
    public void Configure(EntityTypeBuilder<ProjectNeed> b)
    {
        b.HasKey(x => new { x.ProjectId, x.NeedId });
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.NeedId);
    }
}

sealed class ProjectActivityConfiguration : IEntityTypeConfiguration<ProjectActivity>
{
    public void Configure(EntityTypeBuilder<ProjectActivity> b)
    {
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Place).HasMaxLength(100);
        b.Property(x => x.StaffNames).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.Property(x => x.VoidedByName).HasMaxLength(50);
        b.Property(x => x.VoidReason).HasMaxLength(ProjectActivity.MaxVoidReason);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        // A project's actuals group its records by kind; an area's narrative reads a period's records by kind.
        b.HasIndex(x => new { x.ProjectId, x.Kind, x.HeadCount });
        b.HasIndex(x => new { x.AreaCode, x.HeldOn, x.Kind, x.HeadCount });
        b.HasIndex(x => x.ServiceRecordId);
    }
}

sealed class ProjectActivityPhotoConfiguration : IEntityTypeConfiguration<ProjectActivityPhoto>
{
    public void Configure(EntityTypeBuilder<ProjectActivityPhoto> b)
    {
        b.HasOne<ProjectActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ActivityId);
        // A download finds its record by the file.
        b.HasIndex(x => x.FileId).IsUnique();
    }
}

sealed class ProjectStepConfiguration : IEntityTypeConfiguration<ProjectStep>
{
    public void Configure(EntityTypeBuilder<ProjectStep> b)
    {
        b.Property(x => x.ByName).HasMaxLength(50);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProjectId, x.At });
    }
}

sealed class ProjectEvaluationConfiguration : IEntityTypeConfiguration<ProjectEvaluation>
{
    public void Configure(EntityTypeBuilder<ProjectEvaluation> b)
    {
        b.Property(x => x.Criteria).HasJsonConversion();
        b.Property(x => x.SelfScores).HasJsonConversion();
        b.Property(x => x.ReviewScores).HasJsonConversion();
        b.Property(x => x.OpenedByName).HasMaxLength(50);
        b.Property(x => x.SelfComment).HasMaxLength(2000);
        b.Property(x => x.SelfByName).HasMaxLength(50);
        b.Property(x => x.ReviewComment).HasMaxLength(2000);
        b.Property(x => x.ReviewerName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.MaxTotal);
        b.Ignore(x => x.SelfTotal);
        b.Ignore(x => x.ReviewTotal);
        b.Ignore(x => x.Passed);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        // One evaluation per stage per project: two reviewers opening the same stage at once meet here.
        b.HasIndex(x => new { x.ProjectId, x.Stage }).IsUnique();
    }
}

sealed class SatisfactionSurveyConfiguration : IEntityTypeConfiguration<SatisfactionSurvey>
{
    public void Configure(EntityTypeBuilder<SatisfactionSurvey> b)
    {
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.Property(x => x.VoidedByName).HasMaxLength(50);
        b.Property(x => x.VoidReason).HasMaxLength(ProjectActivity.MaxVoidReason);
        b.Ignore(x => x.Answered);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProjectActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProjectId);
        b.HasIndex(x => new { x.AreaCode, x.SurveyedOn });
    }
}

/// <summary>How projects read in the audit log.</summary>
sealed class ProjectsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Project>("项目", "Project")
            .Name(x => x.ProjectNo)
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.ProjectNo, "项目编号", "Project number")
            .Field(x => x.Title, "项目名称", "Title")
            .Field(x => x.Focus, "服务领域", "Focus")
            .Field(x => x.FocusNote, "其他领域", "Other focus")
            .Field(x => x.TargetGroups, "服务对象", "Target groups")
            .Field(x => x.Summary, "项目简介", "Summary")
            .Field(x => x.PlannedActivities, "计划活动", "Planned activities")
            .Field(x => x.OrganizationId, "实施机构", "Implementing organization")
            .Field(x => x.OrganizationName, "实施机构名称", "Organization (name)")
            .Field(x => x.StartOn, "开始日期", "Starts on")
            .Field(x => x.EndOn, "结束日期", "Ends on")
            .Money(x => x.BudgetFen, "项目预算", "Budget")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.StatusNote, "状态说明", "Status note")
            .Field(x => x.StatusChangedAt, "状态变更时间", "Status changed at")
            .Field(x => x.DesignedById, "设计人", "Designed by")
            .Field(x => x.DesignedByName, "设计人姓名", "Designed by (name)")
            .Field(x => x.CreatedAt, "创建时间", "Created at")
            .Ignore(x => x.Version);
        // Lines, indicators, needs, records and steps are named by their project's number.
        v.Entity<ProjectFunding>("项目资金来源", "Project funding line")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Project>(x => x.ProjectId)
            .Field(x => x.ProjectId, "项目", "Project")
            .Field(x => x.Source, "资金来源", "Source")
            .Money(x => x.AmountFen, "金额", "Amount")
            .Field(x => x.Note, "说明", "Note");
        v.Entity<ProjectIndicator>("项目指标", "Project indicator")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Project>(x => x.ProjectId)
            .Field(x => x.ProjectId, "项目", "Project")
            .Field(x => x.Order, "顺序", "Order")
            .Field(x => x.Name, "指标名称", "Name")
            .Field(x => x.Measure, "统计口径", "Measure")
            .Field(x => x.KindMask, "服务类型", "Service kinds")
            .Field(x => x.Target, "目标值", "Target")
            .Field(x => x.Unit, "单位", "Unit");
        v.Entity<ProjectNeed>("项目回应的需求", "Project need")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Project>(x => x.ProjectId)
            .Field(x => x.ProjectId, "项目", "Project")
            .Field(x => x.NeedId, "需求", "Need");
        v.Entity<ProjectActivity>("项目服务记录", "Project delivery record")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Project>(x => x.ProjectId)
            .Field(x => x.ProjectId, "项目", "Project")
            .Field(x => x.Kind, "服务类型", "Service kind")
            .Field(x => x.HeldOn, "服务日期", "Date")
            .Field(x => x.Title, "活动名称", "Title")
            .Field(x => x.Place, "服务地点", "Place")
            .Field(x => x.PartyWorkers, "党工人数", "Party workers")
            .Field(x => x.SocialWorkers, "社工人数", "Social workers")
            .Field(x => x.Volunteers, "志工人数", "Volunteers")
            .Field(x => x.StaffNames, "服务人员", "Staff")
            .Field(x => x.Registered, "登记服务对象人数", "Registered residents")
            .Field(x => x.HeadCount, "开放活动参与人次", "Head count")
            .Sensitive(x => x.Notes, "服务情况", "Notes")
            .Field(x => x.ServiceRecordId, "服务记录", "Service record")
            .Field(x => x.RecordedById, "记录人", "Recorded by")
            .Field(x => x.RecordedByName, "记录人姓名", "Recorded by (name)")
            .Field(x => x.RecordedAt, "记录时间", "Recorded at")
            .Field(x => x.VoidedAt, "作废时间", "Voided at", state: true)
            .Field(x => x.VoidedById, "作废人", "Voided by")
            .Field(x => x.VoidedByName, "作废人姓名", "Voided by (name)")
            .Field(x => x.VoidReason, "作废原因", "Reason for voiding");
        v.Entity<ProjectActivityPhoto>("服务记录照片", "Delivery record photo")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Project>(x => x.ProjectId)
            .Field(x => x.ProjectId, "项目", "Project")
            .Field(x => x.ActivityId, "服务记录", "Delivery record")
            .Field(x => x.FileId, "文件", "File");
        v.Entity<ProjectStep>("项目办理环节", "Project step")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Project>(x => x.ProjectId)
            .Field(x => x.ProjectId, "项目", "Project")
            .Field(x => x.Status, "环节", "Step")
            .Field(x => x.At, "时间", "At")
            .Field(x => x.ById, "办理人", "By")
            .Field(x => x.ByName, "办理人姓名", "By (name)")
            .Field(x => x.Note, "办理意见", "Note");
        v.Entity<ProjectEvaluation>("项目评估", "Project evaluation")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Project>(x => x.ProjectId)
            .Field(x => x.ProjectId, "项目", "Project")
            .Field(x => x.Stage, "评估阶段", "Stage")
            .Field(x => x.Criteria, "评估指标", "Criteria")
            .Field(x => x.PassScore, "合格线", "Pass mark")
            .Field(x => x.OpenedById, "发起人", "Opened by")
            .Field(x => x.OpenedByName, "发起人姓名", "Opened by (name)")
            .Field(x => x.OpenedAt, "发起时间", "Opened at")
            .Field(x => x.SelfScores, "自评得分", "Self-assessment scores")
            .Field(x => x.SelfComment, "自评说明", "Self-assessment")
            .Field(x => x.SelfByName, "自评人", "Self-assessed by")
            .Field(x => x.SelfAt, "自评时间", "Self-assessed at")
            .Field(x => x.ReviewScores, "评审得分", "Review scores")
            .Field(x => x.ReviewComment, "评审意见", "Reviewer's comments")
            .Field(x => x.ReviewerId, "评审人", "Reviewer")
            .Field(x => x.ReviewerName, "评审人姓名", "Reviewer (name)")
            .Field(x => x.ReviewedAt, "评审时间", "Reviewed at")
            .Ignore(x => x.Version);
        v.Entity<SatisfactionSurvey>("满意度调查", "Satisfaction survey")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .NameOf<Project>(x => x.ProjectId)
            .Field(x => x.ProjectId, "项目", "Project")
            .Field(x => x.ActivityId, "服务记录", "Delivery record")
            .Field(x => x.SurveyedOn, "调查日期", "Surveyed on")
            .Field(x => x.Method, "调查方式", "Method")
            .Field(x => x.VerySatisfied, "非常满意", "Very satisfied")
            .Field(x => x.Satisfied, "满意", "Satisfied")
            .Field(x => x.Neutral, "一般", "Neutral")
            .Field(x => x.Dissatisfied, "不满意", "Dissatisfied")
            .Field(x => x.VeryDissatisfied, "非常不满意", "Very dissatisfied")
            .Field(x => x.Note, "说明", "Note")
            .Field(x => x.RecordedById, "记录人", "Recorded by")
            .Field(x => x.RecordedByName, "记录人姓名", "Recorded by (name)")
            .Field(x => x.RecordedAt, "记录时间", "Recorded at")
            .Field(x => x.VoidedAt, "作废时间", "Voided at", state: true)
            .Field(x => x.VoidedById, "作废人", "Voided by")
            .Field(x => x.VoidedByName, "作废人姓名", "Voided by (name)")
            .Field(x => x.VoidReason, "作废原因", "Reason for voiding");
        v.Enum<EvaluationStage>(ProjectEvaluation.StageLabel);
        v.Enum<SurveyMethod>(SatisfactionSurvey.MethodLabel);
        v.Enum<ProjectStatus>(Project.StatusLabel);
        v.Enum<ProjectFundingSource>(Project.SourceLabel);
        v.Enum<IndicatorMeasure>(Project.MeasureLabel);
    }
}
