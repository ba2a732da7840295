using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;

namespace Wushe.Features.Stations;

sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> b)
    {
        b.ToTable("Stations"); // the name its former DbSet gave it: the model stays as migrated
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
        b.Property(x => x.Position).HasMaxLength(50);
        b.HasIndex(x => new { x.StationId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

sealed class ServicePurchaseConfiguration : IEntityTypeConfiguration<ServicePurchase>
{
    public void Configure(EntityTypeBuilder<ServicePurchase> b)
    {
        b.Property(x => x.Purchaser).HasMaxLength(100);
        b.Property(x => x.Provider).HasMaxLength(100);
        b.Property(x => x.ContractNo).HasMaxLength(50);
        // Natural key: a contract number once per station (see AddServicePurchase); also serves lookups by station.
        b.HasIndex(x => new { x.StationId, x.ContractNo }).IsUnique();
    }
}

sealed class StandardCheckConfiguration : IEntityTypeConfiguration<StandardCheck>
{
    public void Configure(EntityTypeBuilder<StandardCheck> b)
    {
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.CheckedByName).HasMaxLength(50);
        b.HasIndex(x => new { x.StationId, x.Item, x.RecordedAt });
    }
}

sealed class SupervisionConfiguration : IEntityTypeConfiguration<Supervision>
{
    public void Configure(EntityTypeBuilder<Supervision> b)
    {
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
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Modules).HasJsonConversion();
        b.Property(x => x.Levels).HasJsonConversion();
        b.Ignore(x => x.MaxTotal);
        // Natural key: one round of a name per area and year (see RatingRounds.Create).
        b.HasIndex(x => new { x.AreaCode, x.Year, x.Name }).IsUnique();
    }
}

sealed class StationRatingConfiguration : IEntityTypeConfiguration<StationRating>
{
    public void Configure(EntityTypeBuilder<StationRating> b)
    {
        b.Property(x => x.LevelName).HasMaxLength(50);
        b.Property(x => x.Scores).HasJsonConversion();
        b.HasIndex(x => new { x.RoundId, x.StationId }).IsUnique();
        b.HasIndex(x => x.StationId);
    }
}

/// <summary>How the stations feature's records read in the audit log.</summary>
sealed class StationsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Station>("社工站", "Station")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.Level, "站点层级", "Level")
            .Field(x => x.Name, "站点名称", "Name")
            .Field(x => x.Address, "地址", "Address")
            .Field(x => x.ContactName, "联系人", "Contact")
            .Field(x => x.ContactPhone, "联系电话", "Contact phone")
            .Field(x => x.OpenedOn, "建站日期", "Opened on")
            .Field(x => x.IsCivilizationPracticeStation, "双站合一", "Also civilization-practice station")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.StandardMet, "五有五统一达标项", "Standard items met")
            .Field(x => x.StandardChecked, "五有五统一已检查项", "Standard items checked")
            .Ignore(x => x.Version, x => x.CreatedAt);

        v.Entity<StationStaff>("社工站工作人员", "Station staff member")
            .NameOf<Station>(x => x.StationId).NameOf<Accounts.User>(x => x.UserId)
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.StationId, "社工站", "Station")
            .Field(x => x.UserId, "用户", "User")
            .Field(x => x.Position, "岗位", "Position")
            .Field(x => x.JoinedOn, "入职日期", "Joined on")
            .Field(x => x.IsHead, "站长", "Station head");

        v.Entity<ServicePurchase>("政府购买服务合同", "Service-purchase contract")
            .NameOf<Station>(x => x.StationId).Name(x => x.ContractNo)
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.StationId, "社工站", "Station")
            .Field(x => x.ContractNo, "合同编号", "Contract number")
            .Field(x => x.Purchaser, "购买方", "Purchaser")
            .Field(x => x.Provider, "承接方", "Provider")
            .Money(x => x.AmountFen, "合同金额", "Amount")
            .Field(x => x.StartOn, "开始日期", "Start date")
            .Field(x => x.EndOn, "结束日期", "End date")
            .Field(x => x.Source, "资金来源", "Funding source");

        // Notes are free text and may name residents: only that they were written is kept.
        v.Entity<StandardCheck>("五有五统一检查", "Standard check")
            .NameOf<Station>(x => x.StationId).Name(x => Platform.ChinaTime.Format(x.CheckedOn))
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.StationId, "社工站", "Station")
            .Field(x => x.Item, "检查项", "Item")
            .Field(x => x.Met, "是否达标", "Met")
            .Field(x => x.CheckedOn, "检查日期", "Checked on")
            .Sensitive(x => x.Note, "说明", "Note")
            .Field(x => x.EvidenceFileId, "佐证材料", "Evidence")
            .Field(x => x.CheckedBy, "检查人", "Checked by")
            .Field(x => x.CheckedByName, "检查人姓名", "Checker's name")
            .Ignore(x => x.RecordedAt);

        v.Entity<Supervision>("督导记录", "Supervision visit")
            .NameOf<Station>(x => x.StationId).Name(x => Platform.ChinaTime.Format(x.VisitedOn))
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.StationId, "社工站", "Station")
            .Field(x => x.Kind, "督导类型", "Kind")
            .Field(x => x.VisitedOn, "督导日期", "Visit date")
            .Field(x => x.SupervisorId, "督导账号", "Supervisor's account")
            .Field(x => x.SupervisorName, "督导人员", "Supervisor")
            .Field(x => x.Topics, "督导主题", "Topics")
            .Sensitive(x => x.Findings, "发现问题", "Findings")
            .Sensitive(x => x.FollowUps, "整改要求", "Follow-ups")
            .Field(x => x.FollowUpDue, "整改期限", "Follow-up due")
            .Ignore(x => x.RecordedAt);

        v.Entity<RatingRound>("评星", "Rating round")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.Name, "评星名称", "Name")
            .Field(x => x.Year, "年度", "Year")
            .Field(x => x.Modules, "评分模块", "Modules")
            .Field(x => x.Levels, "评定等级", "Levels")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Ignore(x => x.CreatedAt);

        v.Entity<StationRating>("社工站评星结果", "Station rating")
            .NameOf<RatingRound>(x => x.RoundId).NameOf<Station>(x => x.StationId)
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.RoundId, "评星", "Round")
            .Field(x => x.StationId, "社工站", "Station")
            .Area(x => x.RoundAreaCode, "评星组织区划", "Round's area")
            .Field(x => x.Scores, "各模块得分", "Module scores")
            .Field(x => x.SelfTotal, "自评总分", "Self-assessment total")
            .Field(x => x.ReviewTotal, "评审总分", "Review total")
            .Field(x => x.LevelName, "评定等级", "Level")
            .Field(x => x.Stars, "星级", "Stars")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Ignore(x => x.UpdatedAt);

        v.Enum<StationLevel>(Station.LevelLabel);
        v.Enum<StationStatus>(Station.StatusLabel);
        v.Enum<FundingSource>(ServicePurchase.SourceLabel);
        v.Enum<SupervisionKind>(Supervision.KindLabel);
        v.Enum<StandardItem>(StandardCheck.Label);
        v.Enum<RatingRoundStatus>(RatingRound.StatusLabel);
        v.Enum<StationRatingStatus>(s => s == StationRatingStatus.Reviewed ? Platform.Localization.Lang.T("已评审", "Reviewed") : Platform.Localization.Lang.T("已自评", "Self-assessed"));
    }
}

/// <summary>
/// <c>db.Stations</c>: the feature's own set, declared here so that AppDb names no feature's entity. Inside a query
/// lambda (a subquery) write <c>db.Set&lt;T&gt;()</c>: C# does not put extension properties in expression trees.
/// </summary>
public static class StationsDb
{
    // Compiled once: EF does not walk, hash and look up the expression tree on every call (the hot lookup of most station writes).
    // The scope filter still applies; its range is read from the context at each call.
    static readonly Func<AppDb, Guid, CancellationToken, Task<Station?>> ById =
        EF.CompileAsyncQuery((AppDb db, Guid id, CancellationToken ct) => db.Set<Station>().FirstOrDefault(s => s.Id == id));

    extension(AppDb db)
    {
        public DbSet<Station> Stations => db.Set<Station>();

        /// <summary>The station with this id, tracked, if it lies in the actor's scope; null otherwise (also for a station out of scope).</summary>
        public Task<Station?> StationAsync(Guid id, CancellationToken ct = default) => ById(db, id, ct);
    }
}
