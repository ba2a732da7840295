using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wushe.Features.Volunteers.Activities;

sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.Property(x => x.Title).HasMaxLength(60);
        b.Property(x => x.TargetGroup).HasMaxLength(60);
        b.Property(x => x.Place).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.OrganizerName).HasMaxLength(100);
        b.Property(x => x.StatusReason).HasMaxLength(200);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.AreaCode, x.Status });
        b.HasIndex(x => x.OrganizationId);
    }
}

sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> b)
    {
        b.Property(x => x.Name).HasMaxLength(20);
        b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ActivityId, x.StartsAt });
        b.HasIndex(x => new { x.AreaCode, x.StartsAt });
    }
}

sealed class SignUpConfiguration : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> b)
    {
        b.Property(x => x.Note).HasMaxLength(220);
        b.Property(x => x.AttendanceNote).HasMaxLength(220);
        b.HasOne<Shift>().WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        // One active sign-up per volunteer and shift (confirmed 1 or waitlisted 2), also when two requests race.
        b.HasIndex(x => new { x.ShiftId, x.VolunteerId }).IsUnique().HasFilter("\"Status\" IN (1, 2)");
        b.HasIndex(x => new { x.ShiftId, x.Status, x.SignedUpAt });
        b.HasIndex(x => new { x.VolunteerId, x.Status });
        b.HasIndex(x => x.ActivityId);
    }
}

sealed class ActivityTeamConfiguration : IEntityTypeConfiguration<ActivityTeam>
{
    public void Configure(EntityTypeBuilder<ActivityTeam> b)
    {
        b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Teams.Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ActivityId, x.TeamId }).IsUnique();
        b.HasIndex(x => x.TeamId);
    }
}

/// <summary>How volunteer activities read in the audit log.</summary>
sealed class ActivitiesVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<Activity>("志愿活动", "Volunteer activity")
            .Name(x => x.Title)
            .Area(x => x.AreaCode, "活动地点所在区划", "Area")
            .Field(x => x.OrganizationId, "发布机构", "Publishing organization")
            .Field(x => x.Title, "活动名称", "Title")
            .Field(x => x.Kind, "服务类别", "Service category")
            .Field(x => x.TargetGroup, "服务对象", "Target group")
            .Field(x => x.Place, "活动地点", "Place")
            .Field(x => x.Latitude, "纬度", "Latitude")
            .Field(x => x.Longitude, "经度", "Longitude")
            .Field(x => x.GeofenceMeters, "签到范围（米）", "Check-in radius (m)")
            .Field(x => x.Description, "活动内容", "Description")
            .Field(x => x.SkillsWanted, "所需技能", "Skills wanted")
            .Field(x => x.ProjectId, "关联项目", "Project")
            .Field(x => x.NeedId, "关联需求", "Need")
            .Field(x => x.CutoffHours, "报名截止（开始前小时数）", "Sign-up closes (hours before)")
            .Field(x => x.OrganizerName, "组织单位", "Organizer")
            .Field(x => x.OpenTo, "报名范围", "Open to")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.StatusReason, "取消原因", "Reason for cancelling")
            .Ignore(x => x.Version, x => x.CreatedAt, x => x.CreatedById, x => x.CreatedByName);

        v.Entity<Shift>("志愿活动班次", "Activity shift")
            .NameOf<Activity>(x => x.ActivityId)
            .Area(x => x.AreaCode, "活动地点所在区划", "Area")
            .Field(x => x.ActivityId, "志愿活动", "Activity")
            .Field(x => x.OrganizationId, "发布机构", "Publishing organization")
            .Field(x => x.Name, "班次名称", "Shift name")
            .Field(x => x.StartsAt, "开始时间", "Starts")
            .Field(x => x.EndsAt, "结束时间", "Ends")
            .Field(x => x.Capacity, "名额", "Places")
            .Ignore(x => x.Version);

        v.Entity<SignUp>("志愿活动报名", "Sign-up")
            .NameOf<Volunteer>(x => x.VolunteerId)
            .Area(x => x.AreaCode, "活动地点所在区划", "Area")
            .Field(x => x.ShiftId, "班次", "Shift")
            .Field(x => x.ActivityId, "志愿活动", "Activity")
            .Field(x => x.OrganizationId, "发布机构", "Publishing organization")
            .Field(x => x.VolunteerId, "志愿者", "Volunteer")
            .Field(x => x.Status, "状态", "Status", state: true)
            .Field(x => x.SignedUpAt, "报名时间", "Signed up at")
            .Field(x => x.PromotedAt, "候补转正时间", "Promoted at")
            .Field(x => x.EndedAt, "结束时间", "Ended at")
            .Field(x => x.Note, "说明", "Note")
            .Field(x => x.CheckedInAt, "签到时间", "Checked in at")
            .Field(x => x.CheckedOutAt, "签退时间", "Checked out at")
            .Field(x => x.AttendanceManual, "人工确认出勤", "Attendance confirmed by hand")
            .Field(x => x.AttendanceNote, "出勤说明", "Attendance note")
            .Ignore(x => x.CheckInMinute);

        v.Entity<ActivityTeam>("志愿活动指定队伍", "Team chosen for an activity")
            .NameOf<Activity>(x => x.ActivityId)
            .Area(x => x.AreaCode, "活动地点所在区划", "Area")
            .Field(x => x.ActivityId, "志愿活动", "Activity")
            .Field(x => x.OrganizationId, "发布机构", "Publishing organization")
            .Field(x => x.TeamId, "志愿服务队", "Team");

        v.Enum<VolunteerServiceKind>(Activity.KindLabel);
        v.Enum<ActivityOpenTo>(Activity.OpenToLabel);
        v.Enum<ActivityStatus>(Activity.StatusLabel);
        v.Enum<SignUpStatus>(SignUp.StatusLabel);
    }
}
