using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Certificates;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo certificates (issue 9): each seed place's demo volunteer account requested its certificate of last year and of this year so far through
/// the use case its page calls (from its final hours, VolunteersDemo), and one of the first half of this year that the station revoked
/// (已作废 on the verification page). Runs once: nothing happens when any certificate exists.
/// </summary>
public static class CertificatesDemo
{
    static readonly string[] Accounts = ["bijie.zyz", "huaibei.zyz", "jiuyuan.zyz", "volunteer"];

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<VolunteerCertificate>().IgnoreQueryFilters().AnyAsync()) return;
        var clock = sp.GetRequiredService<TimeProvider>();
        var sealer = sp.GetRequiredService<Platform.Sensitive.Sealer>();
        var config = sp.GetRequiredService<IConfiguration>();
        // The QR code points at the configured public address, else the address the README opens.
        var verifyBase = config["Wushe:PublicBaseUrl"] is { Length: > 0 } configured ? configured : "http://localhost:5080";
        var today = ChinaTime.Today(clock);
        foreach (var account in Accounts)
        {
            var userId = await db.Users.Where(u => u.UserName == account).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            var volunteer = userId is null ? null : await db.Set<Volunteer>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(v => v.UserId == userId);
            if (volunteer is null) continue;
            var asVolunteer = new CurrentUser(userId, account, [new Assignment(Role.Volunteer, volunteer.AreaCode, "", null)], null);
            var lastYear = new DateOnly(today.Year - 1, 1, 1);
            await IssueCertificate.Mine(db, asVolunteer, clock, sealer, verifyBase, new(lastYear, lastYear.AddYears(1).AddDays(-1)));
            db.ChangeTracker.Clear();
            var firstHalf = new DateOnly(today.Year, 6, 30) < today ? new DateOnly(today.Year, 6, 30) : today;
            var wrong = await IssueCertificate.Mine(db, asVolunteer, clock, sealer, verifyBase, new(new DateOnly(today.Year, 1, 1), firstHalf));
            db.ChangeTracker.Clear();
            db.ActingAs(CurrentUser.System);
            if (wrong.IsOk && !wrong.Value!.Existing)
                await RevokeCertificate.Handle(db, CurrentUser.System, clock, wrong.Value.Id, new("本人申请的期间有误，已按全年重新出具"));
            db.ChangeTracker.Clear();
            await IssueCertificate.Mine(db, asVolunteer, clock, sealer, verifyBase, new(new DateOnly(today.Year, 1, 1), today));
            db.ActingAs(CurrentUser.System);
            db.ChangeTracker.Clear();
        }
    }
}
