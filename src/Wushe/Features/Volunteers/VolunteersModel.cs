using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;

namespace Wushe.Features.Volunteers;

sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.Property(x => x.VolunteerNo).HasMaxLength(18);
        b.Property(x => x.Name).HasMaxLength(30);
        b.Property(x => x.SkillNotes).HasMaxLength(200);
        b.Property(x => x.GuardianName).HasMaxLength(30);
        b.Property(x => x.GuardianRelation).HasMaxLength(20);
        b.Property(x => x.StatusReason).HasMaxLength(200);
        b.Property(x => x.RegisteredByName).HasMaxLength(50);
        // One person, one registration, platform-wide: the ID's keyed hash is unique (also when two registrations race).
        b.OwnsSealed(x => x.IdNumber, "IdNumber", unique: true);
        b.Navigation(x => x.IdNumber).IsRequired();
        b.OwnsSealed(x => x.Phone, "Phone");
        b.Navigation(x => x.Phone).IsRequired();
        b.OwnsSealed(x => x.GuardianPhone, "GuardianPhone");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.VolunteerNo).IsUnique();
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => new { x.AreaCode, x.RegisteredAt });
    }
}

sealed class VolunteerRuleSetConfiguration : IEntityTypeConfiguration<VolunteerRuleSet>
{
    public void Configure(EntityTypeBuilder<VolunteerRuleSet> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(12);
        b.Property(x => x.UpdatedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One rule set per area: the nearest one at or above an area is in force there.
        b.HasIndex(x => x.AreaCode).IsUnique();
    }
}

/// <summary>How the volunteers feature's records read in the audit log.</summary>
sealed class VolunteersVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        // Figures derived from the register (VolunteerTallies), never written by a person.
        v.NotAudited<VolunteerTally>();
        v.Entity<Volunteer>("志愿者", "Volunteer")
            .Name(x => x.Name)
            .Area(x => x.AreaCode, "居住社区（村）", "Community of residence")
            .Field(x => x.VolunteerNo, "志愿者编号", "Volunteer number")
            .Field(x => x.Name, "姓名", "Name")
            .Field(x => x.IdNumber, "身份证号码", "ID number")
            .Field(x => x.BirthDate, "出生日期", "Birth date")
            .Field(x => x.Sex, "性别", "Sex")
            .Field(x => x.Phone, "手机号码", "Mobile number")
            .Field(x => x.Skills, "技能特长", "Skills")
            .Field(x => x.SkillNotes, "特长说明", "About the skills")
            .Field(x => x.Availability, "可服务时间", "Availability")
            .Field(x => x.GuardianName, "监护人", "Guardian")
            .Field(x => x.GuardianRelation, "监护人关系", "Guardian's relation")
            .Field(x => x.GuardianPhone, "监护人电话", "Guardian's phone")
            .Field(x => x.GuardianConsentOn, "监护人同意日期", "Guardian's consent on")
            .Field(x => x.SelfSupporting, "以自己的劳动收入为主要生活来源", "Self-supporting")
            .Field(x => x.UserId, "平台账号", "Account")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.StatusReason, "状态变更原因", "Reason for the status")
            .Field(x => x.Source, "登记方式", "Source")
            .Ignore(x => x.Version, x => x.FinalMinutes, x => x.RegisteredAt, x => x.RegisteredById, x => x.RegisteredByName);

        v.Entity<VolunteerRuleSet>("志愿服务规则", "Volunteer rules")
            .NameOf<Areas.Area>(x => x.AreaCode)
            .Area(x => x.AreaCode, "设定区划", "Defined by")
            .Field(x => x.RoundingMinutes, "计时单位（分钟）", "Rounding unit (minutes)")
            .Field(x => x.DailyCapMinutes, "每日时长上限（分钟）", "Daily cap (minutes)")
            .Field(x => x.PostingDays, "公示期（工作日）", "Posting period (working days)")
            .Field(x => x.MinAttendancePercent, "最低出勤比例（%）", "Minimum attendance (%)")
            .Field(x => x.Star1Hours, "一星门槛（小时）", "★1 threshold (hours)")
            .Field(x => x.Star2Hours, "二星门槛（小时）", "★2 threshold (hours)")
            .Field(x => x.Star3Hours, "三星门槛（小时）", "★3 threshold (hours)")
            .Field(x => x.Star4Hours, "四星门槛（小时）", "★4 threshold (hours)")
            .Field(x => x.Star5Hours, "五星门槛（小时）", "★5 threshold (hours)")
            .Field(x => x.PointsPerHour, "每小时积分", "Points per hour")
            .Field(x => x.GeofenceMeters, "签到范围（米）", "Check-in radius (metres)")
            .Field(x => x.PointsDonationAllowed, "允许积分转赠", "Points may be donated")
            .Field(x => x.RedeemMinStars, "兑换最低星级", "Least star to redeem")
            .Field(x => x.PointsCap, "积分上限", "Points cap")
            .Field(x => x.PointsValidYears, "积分有效期（年）", "Points valid (years)")
            .Field(x => x.UpdatedById, "修改人", "Changed by")
            .Field(x => x.UpdatedByName, "修改人姓名", "Changed by (name)")
            .Ignore(x => x.Version, x => x.UpdatedAt);

        v.Enum<VolunteerStatus>(Volunteer.StatusLabel);
        v.Enum<VolunteerSource>(Volunteer.SourceLabel);
        v.Enum<VolunteerSkill>(Volunteer.SkillLabel);
        v.Enum<VolunteerAvailability>(Volunteer.AvailabilityLabel);
    }
}
