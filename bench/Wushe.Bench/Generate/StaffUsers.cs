using Microsoft.AspNetCore.Identity;
using Wushe.Features.Accounts;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;

namespace Wushe.Bench.Generate;

/// <summary>
/// Accounts: station workers (with their StationStaff rows), bureau staff of each city and
/// county, and the benchmark's own Bijie city bureau user. Inserted directly, not through
/// UserManager: one real password hash (PBKDF2 takes ~0.1 s) is computed once and shared, so
/// every generated account signs in with <see cref="Password"/>.
/// </summary>
sealed class StaffUsers : IRecordKind
{
    public const string Password = "Bench2026!";
    public const string BenchUser = "bench.bijie";

    public string Name => "users + role assignments + station staff";

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var phone = 13700000000L;
        var created = ctx.At(new DateOnly(2023, 3, 1));
        var assignments = new List<RoleAssignment>();
        var staff = new List<StationStaff>();

        User NewUser(string userName, string displayName, string home)
        {
            var u = new User(userName, displayName, home, created) { NormalizedUserName = userName.ToUpperInvariant() };
            u.SetPhone(ctx.Sealer.Seal(SensitiveKind.Phone, (++phone).ToString()));
            ctx.Users.Add(u);
            return u;
        }

        var bench = NewUser(BenchUser, "毕节市民政局 基准测试", Scale.BijieCity);
        assignments.Add(new RoleAssignment(bench.Id, Role.BureauStaff, Scale.BijieCity));

        foreach (var place in ctx.Places.Where(p => p.Level != Wushe.Platform.Areas.AreaLevel.Township))
            for (var i = 1; i <= 2; i++)
            {
                var u = NewUser($"bureau.{place.Code[..6]}.{i}", Names.Person(r), place.Code);
                assignments.Add(new RoleAssignment(u.Id, Role.BureauStaff, place.Code));
            }

        foreach (var s in ctx.Stations)
        {
            var count = s.Level switch { StationLevel.CityCentre => 6, StationLevel.CountyStation => 4, _ => r.Next(2, 6) };
            for (var i = 1; i <= count; i++)
            {
                var u = NewUser($"sw.{s.AreaCode[..9]}.{i}", Names.Person(r), s.AreaCode);
                assignments.Add(new RoleAssignment(u.Id, Role.StationWorker, s.AreaCode));
                staff.Add(new StationStaff(s, u.Id, i == 1 ? "站长" : "专职社工", new DateOnly(2023, r.Next(1, 13), r.Next(1, 29))));
            }
        }

        var hash = new PasswordHasher<User>().HashPassword(bench, Password);
        foreach (var u in ctx.Users) u.PasswordHash = hash;
        return await ctx.InsertAsync(ctx.Users) + await ctx.InsertAsync(assignments) + await ctx.InsertAsync(staff);
    }
}
