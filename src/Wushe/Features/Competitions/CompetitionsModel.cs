using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Features.Projects;

namespace Wushe.Features.Competitions;

sealed class CompetitionConfiguration : IEntityTypeConfiguration<Competition>
{
    public void Configure(EntityTypeBuilder<Competition> b)
    {
        b.Property(x => x.CallNo).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.HostName).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.OtherConditions).HasMaxLength(1000);
        b.Property(x => x.StatusNote).HasMaxLength(500);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        b.Property(x => x.Focuses).HasJsonConversion();
        b.Property(x => x.EligibleKinds).HasJsonConversion();
        b.Property(x => x.Rubric).HasJsonConversion();
        b.Property(x => x.RequiredDocuments).HasJsonConversion();
        b.Property(x => x.Tranches).HasJsonConversion();
        b.Property(x => x.Version).IsConcurrencyToken();
        // A micro-venture call's community fund (ADR 0018); its calls found from the fund.
        b.HasOne<Charity.CommunityFund>().WithMany().HasForeignKey(x => x.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.FundId);
        b.HasIndex(x => x.CallNo).IsUnique();
        // The lists (staff: an area's calls, newest first; public: the published ones).
        b.HasIndex(x => new { x.AreaCode, x.CreatedAt });
        b.HasIndex(x => new { x.Status, x.OpensAt });
    }
}

sealed class CompetitionApplicationConfiguration : IEntityTypeConfiguration<CompetitionApplication>
{
    public void Configure(EntityTypeBuilder<CompetitionApplication> b)
    {
        b.Property(x => x.ApplicationNo).HasMaxLength(30);
        b.Property(x => x.OrganizationName).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.FocusNote).HasMaxLength(50);
        b.Property(x => x.TargetGroups).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.PlannedActivities).HasMaxLength(2000);
        b.Property(x => x.ScreeningNote).HasMaxLength(500);
        b.Property(x => x.ScreenedByName).HasMaxLength(50);
        b.Property(x => x.DefencePlace).HasMaxLength(100);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        b.Property(x => x.Funding).HasJsonConversion();
        b.Property(x => x.Indicators).HasJsonConversion();
        b.Property(x => x.Checks).HasJsonConversion();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Competition>().WithMany().HasForeignKey(x => x.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // A call's applications (the review, the ranking, the figures) and an organization's own.
        b.HasIndex(x => new { x.CompetitionId, x.Status });
        b.HasIndex(x => new { x.OrganizationId, x.CompetitionId });
        // The receipt's number is unique once given (a draft has none).
        b.HasIndex(x => x.ApplicationNo).IsUnique().HasFilter("\"ApplicationNo\" <> ''");
    }
}

sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.HasOne<CompetitionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ApplicationId);
    }
}

sealed class CompetitionJudgeConfiguration : IEntityTypeConfiguration<CompetitionJudge>
{
    public void Configure(EntityTypeBuilder<CompetitionJudge> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.HasOne<Competition>().WithMany().HasForeignKey(x => x.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CompetitionId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

sealed class CompetitionScoreConfiguration : IEntityTypeConfiguration<CompetitionScore>
{
    public void Configure(EntityTypeBuilder<CompetitionScore> b)
    {
        b.Property(x => x.ConflictNote).HasMaxLength(200);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.Scores).HasJsonConversion();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<CompetitionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CompetitionJudge>().WithMany().HasForeignKey(x => x.JudgeId).OnDelete(DeleteBehavior.Restrict);
        // A judge once per application (two assignments racing meet here); the ranking reads a call's scores in one range.
        b.HasIndex(x => new { x.ApplicationId, x.JudgeId }).IsUnique();
        b.HasIndex(x => new { x.CompetitionId, x.ApplicationId });
        b.HasIndex(x => new { x.JudgeId, x.ApplicationId });
    }
}

sealed class CompetitionObjectionConfiguration : IEntityTypeConfiguration<CompetitionObjection>
{
    public void Configure(EntityTypeBuilder<CompetitionObjection> b)
    {
        b.Property(x => x.Content).HasMaxLength(1000);
        b.Property(x => x.ContactName).HasMaxLength(30);
        b.OwnsSealed(x => x.ContactPhone, "ContactPhone");
        b.Property(x => x.Answer).HasMaxLength(1000);
        b.Property(x => x.AnsweredByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Competition>().WithMany().HasForeignKey(x => x.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CompetitionId, x.LodgedAt });
    }
}

sealed class CompetitionAwardConfiguration : IEntityTypeConfiguration<CompetitionAward>
{
    public void Configure(EntityTypeBuilder<CompetitionAward> b)
    {
        b.Property(x => x.AgreementNo).HasMaxLength(40);
        b.Property(x => x.StatusNote).HasMaxLength(500);
        b.Property(x => x.ConfirmedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Competition>().WithMany().HasForeignKey(x => x.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CompetitionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        // An application is awarded once (two confirmations racing meet here), a project funded by one award.
        b.HasIndex(x => x.ApplicationId).IsUnique();
        b.HasIndex(x => x.ProjectId).IsUnique();
        b.HasIndex(x => x.AgreementNo).IsUnique();
        b.HasIndex(x => new { x.CompetitionId, x.Status });
        b.HasIndex(x => new { x.OrganizationId, x.Status });
    }
}

sealed class AwardMovementConfiguration : IEntityTypeConfiguration<AwardMovement>
{
    public void Configure(EntityTypeBuilder<AwardMovement> b)
    {
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.ByName).HasMaxLength(50);
        b.HasOne<CompetitionAward>().WithMany().HasForeignKey(x => x.AwardId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AwardId, x.No }).IsUnique();
        // A tranche is released once (a release racing another of the same tranche meets here).
        b.HasIndex(x => new { x.AwardId, x.Tranche }).IsUnique().HasFilter("\"Tranche\" IS NOT NULL");
    }
}

/// <summary>How the competitions read in the audit log.</summary>
sealed class CompetitionsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Competition>("公益创投", "Competition")
            .Name(x => x.Title)
            .Area(x => x.AreaCode, "主办地区", "Host area")
            .Field(x => x.CallNo, "通知编号", "Call number")
            .Field(x => x.Title, "名称", "Title")
            .Field(x => x.HostName, "主办单位", "Host")
            .Field(x => x.Description, "申报通知", "Call text")
            .Field(x => x.FundId, "社区基金", "Community fund")
            .Field(x => x.Focuses, "资助领域", "Focus areas")
            .Field(x => x.EligibleKinds, "可申报的组织类型", "Organization kinds")
            .Field(x => x.MinRegisteredMonths, "登记满（月）", "Registered at least (months)")
            .Field(x => x.MustServeArea, "须服务项目所在区域", "Must serve the area")
            .Field(x => x.NoUnfinishedAward, "无未结项的资助", "No unfinished award")
            .Field(x => x.OtherConditions, "其他申报条件", "Other conditions")
            .Money(x => x.PoolFen, "资金池", "Pool")
            .Money(x => x.CapFen, "单个项目资助上限", "Cap per project")
            .Field(x => x.CoFunding, "配套资金", "Co-funding")
            .Field(x => x.CoFundingMinPercent, "最低配套比例（%）", "Minimum co-funding (%)")
            .Field(x => x.BonusMaxPoints, "配套加分上限", "Bonus points")
            .Field(x => x.BonusFullPercent, "满分配套比例（%）", "Co-funding for the full bonus (%)")
            .Field(x => x.Rubric, "评分指标", "Rubric")
            .Field(x => x.JudgeCount, "评审专家人数", "Judges")
            .Field(x => x.Aggregation, "汇总方式", "Aggregation")
            .Field(x => x.TieBreak, "同分排序", "Tie rule")
            .Field(x => x.OpensAt, "申报开始", "Opens")
            .Field(x => x.ClosesAt, "申报截止", "Closes")
            .Field(x => x.NoticeDays, "公示天数", "Notice days")
            .Field(x => x.RequiredDocuments, "申报材料", "Documents")
            .Field(x => x.Tranches, "拨付计划", "Tranches")
            .Field(x => x.MidTermMonths, "中期评估期限（月）", "Mid-term due (months)")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.StatusNote, "撤回原因", "Reason")
            .Field(x => x.PublishedAt, "发布时间", "Published at")
            .Field(x => x.NoticeFrom, "公示开始", "Notice from")
            .Field(x => x.NoticeUntil, "公示结束", "Notice until")
            .Field(x => x.DecidedAt, "确定资助时间", "Decided at")
            .Money(x => x.AwardedFen, "已确定资助金额", "Awarded")
            .Ignore(x => x.Version, x => x.CreatedAt, x => x.CreatedById, x => x.CreatedByName);
        v.Entity<CompetitionApplication>("公益创投申报", "Competition application")
            .Name(x => x.Title)
            .NameOf<Organization>(x => x.OrganizationId)
            .Area(x => x.AreaCode, "项目区划", "Project area")
            .Field(x => x.CompetitionId, "公益创投", "Competition")
            .Field(x => x.OrganizationId, "申报机构", "Organization")
            .Field(x => x.OrganizationName, "申报机构名称", "Organization name")
            .Field(x => x.OrganizationKind, "机构类型", "Organization kind")
            .Field(x => x.ApplicationNo, "申报编号", "Application number")
            .Field(x => x.Title, "项目名称", "Title")
            .Field(x => x.Focus, "服务领域", "Focus")
            .Field(x => x.FocusNote, "其他领域", "Other focus")
            .Field(x => x.TargetGroups, "服务对象", "Target groups")
            .Field(x => x.Summary, "项目简介", "Summary")
            .Field(x => x.PlannedActivities, "计划活动", "Planned activities")
            .Field(x => x.StartOn, "开始日期", "Starts on")
            .Field(x => x.EndOn, "结束日期", "Ends on")
            .Money(x => x.BudgetFen, "项目预算", "Budget")
            .Money(x => x.RequestedFen, "申请资助金额", "Requested")
            .Money(x => x.CoFundingFen, "配套资金", "Co-funding")
            .Field(x => x.Funding, "资金来源", "Funding")
            .Field(x => x.Indicators, "项目指标", "Indicators")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.SubmittedAt, "提交时间", "Submitted at")
            .Field(x => x.WasReturned, "曾退回补正", "Returned once")
            .Field(x => x.CorrectBy, "补正期限", "Correct by")
            .Money(x => x.AwardFen, "拟资助金额", "Proposed award")
            .Field(x => x.Checks, "自动资格审查", "Automatic checks")
            .Field(x => x.ScreeningNote, "初审意见", "Screening note")
            .Field(x => x.ScreenedByName, "初审人", "Screened by")
            .Field(x => x.ScreenedAt, "初审时间", "Screened at")
            .Field(x => x.DefenceAt, "答辩时间", "Defence at")
            .Field(x => x.DefencePlace, "答辩地点", "Defence place")
            .Ignore(x => x.Version, x => x.CreatedAt, x => x.CreatedById, x => x.CreatedByName);
        v.Entity<ApplicationDocument>("申报材料", "Application document")
            .Name(x => x.Name)
            .NameOf<CompetitionApplication>(x => x.ApplicationId)
            .Area(x => x.AreaCode, "项目区划", "Project area")
            .Field(x => x.ApplicationId, "申报", "Application")
            .Field(x => x.OrganizationId, "申报机构", "Organization")
            .Field(x => x.Name, "材料名称", "Document")
            .Field(x => x.FileId, "文件", "File")
            .Field(x => x.FileName, "文件名", "File name")
            .Ignore(x => x.UploadedAt);
        v.Entity<CompetitionJudge>("评审专家", "Judge")
            .Name(x => x.Name)
            .NameOf<Competition>(x => x.CompetitionId)
            .Area(x => x.AreaCode, "主办地区", "Host area")
            .Field(x => x.CompetitionId, "公益创投", "Competition")
            .Field(x => x.UserId, "专家账号", "Account")
            .Field(x => x.Name, "姓名", "Name")
            .Field(x => x.Unit, "工作单位", "Unit")
            .Ignore(x => x.AddedAt);
        v.Entity<CompetitionScore>("专家评分", "Judge's score")
            .NameOf<CompetitionJudge>(x => x.JudgeId)
            .NameOf<CompetitionApplication>(x => x.ApplicationId)
            .Area(x => x.AreaCode, "项目区划", "Project area")
            .Field(x => x.CompetitionId, "公益创投", "Competition")
            .Field(x => x.ApplicationId, "申报", "Application")
            .Field(x => x.JudgeId, "评审专家", "Judge")
            .Field(x => x.Recused, "回避", "Recused", state: true)
            .Field(x => x.ConflictNote, "回避事由", "Conflict")
            .Field(x => x.RecusedAt, "声明回避时间", "Recused at")
            .Field(x => x.Scores, "各项得分", "Scores")
            .Field(x => x.Comment, "评审意见", "Comments")
            .Field(x => x.ScoredAt, "评分时间", "Scored at")
            .Ignore(x => x.Version, x => x.AssignedAt);
        v.Entity<CompetitionObjection>("公示异议", "Objection")
            .NameOf<Competition>(x => x.CompetitionId)
            .Area(x => x.AreaCode, "主办地区", "Host area")
            .Field(x => x.CompetitionId, "公益创投", "Competition")
            .Field(x => x.ApplicationId, "所涉申报", "Application")
            .Field(x => x.Content, "异议内容", "Objection")
            .Field(x => x.ContactName, "联系人", "Contact")
            .Field(x => x.ContactPhone, "联系电话", "Phone")
            .Field(x => x.LodgedAt, "提出时间", "Lodged at")
            .Field(x => x.Answer, "答复", "Answer")
            .Field(x => x.Upheld, "处理结果", "Outcome", state: true)
            .Field(x => x.AnsweredByName, "答复人", "Answered by")
            .Field(x => x.AnsweredAt, "答复时间", "Answered at")
            .Ignore(x => x.Version);
        v.Entity<CompetitionAward>("公益创投资助", "Competition award")
            .Name(x => x.AgreementNo)
            .NameOf<CompetitionApplication>(x => x.ApplicationId)
            .Area(x => x.AreaCode, "项目区划", "Project area")
            .Field(x => x.CompetitionId, "公益创投", "Competition")
            .Field(x => x.ApplicationId, "申报", "Application")
            .Field(x => x.ProjectId, "项目", "Project")
            .Field(x => x.OrganizationId, "实施机构", "Organization")
            .Money(x => x.AmountFen, "资助金额", "Amount")
            .Field(x => x.AgreementNo, "协议编号", "Agreement number")
            .Field(x => x.SignedOn, "协议签订日期", "Signed on")
            .Field(x => x.MidTermDueOn, "中期评估截止", "Mid-term due")
            .Money(x => x.ReleasedFen, "已拨付", "Released")
            .Money(x => x.ClawedBackFen, "已追回", "Clawed back")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.StatusNote, "说明", "Note")
            .Field(x => x.ConfirmedById, "确认人", "Confirmed by")
            .Field(x => x.ConfirmedByName, "确认人姓名", "Confirmed by (name)")
            .Field(x => x.ConfirmedAt, "确认时间", "Confirmed at")
            .Ignore(x => x.Version, x => x.Entries);
        v.Entity<AwardMovement>("资助资金台账", "Award ledger entry")
            .NameOf<CompetitionAward>(x => x.AwardId)
            .Area(x => x.AreaCode, "项目区划", "Project area")
            .Field(x => x.AwardId, "资助", "Award")
            .Field(x => x.OrganizationId, "实施机构", "Organization")
            .Field(x => x.No, "序号", "No.")
            .Field(x => x.Kind, "类型", "Kind")
            .Field(x => x.Tranche, "拨付批次", "Tranche")
            .Money(x => x.AmountFen, "金额", "Amount")
            .Field(x => x.At, "时间", "At")
            .Field(x => x.Note, "说明", "Note")
            .Field(x => x.ByName, "经办人", "By");
        v.Enum<CompetitionStatus>(Competition.StatusLabel);
        v.Enum<ScoreAggregation>(Competition.AggregationLabel);
        v.Enum<TieBreak>(Competition.TieBreakLabel);
        v.Enum<CoFundingRule>(Competition.CoFundingLabel);
        v.Enum<TrancheGate>(Competition.GateLabel);
        v.Enum<ApplicationStatus>(CompetitionApplication.StatusLabel);
        v.Enum<AwardStatus>(CompetitionAward.StatusLabel);
        v.Enum<AwardMovementKind>(AwardMovement.KindLabel);
    }
}
