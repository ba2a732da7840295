using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Activities;
using Wushe.Features.Volunteers.Hours;
using Wushe.Features.Volunteers.Teams;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Bench.Generate;

/// <summary>
/// Volunteers at city scale (issue 9): <see cref="VolunteerCount"/> (400,000 in the city) volunteers on the registers of the
/// communities, valid unique ID numbers and phones sealed with the benchmark's keys, numbers ZY + county + year + sequence, 3%
/// suspended and 2% withdrawn; an account (role Volunteer, user name <c>zy.NNNNNN</c>, the generated accounts' password) for
/// <see cref="AccountShare"/>% of them; ≈7 teams per township (station's or a community's) with 20–200 members each and a leader;
/// <see cref="ActivityCount"/> (60,000) activities of the stations and communities over five years to <c>--today</c> and a month
/// ahead, 1–3 shifts each, 15% open to chosen teams; sign-ups of the shifts (confirmed, a few cancelled, waitlisted when full;
/// upcoming shifts partly filled); and <c>--hour-records</c> (10,000,000) 志愿服务记录: half from attendance (a confirmed sign-up
/// checked in and out, the record's minutes the shift's length rounded down to 30 and capped at 8 h), half back-filled offline
/// service (荣誉时, with a reason and evidence), over five years, by volunteers weighted log-normally (a few hundred records for the
/// busiest) — plus the profile volunteer <c>zy.000000</c> with two records a week for five years. Records older than the posting
/// period are final; the recent ones posted (0.5% of them disputed); 0.05% of the final ones have a correction record. The
/// roll-ups are computed from exactly the records written: <see cref="Volunteer.FinalMinutes"/> and <see cref="HourTotal"/> (area,
/// year). Points are not generated. Bulk-written (<see cref="BulkTable{T}"/>) with the tables' secondary indexes dropped during the
/// load and rebuilt after it; accounts, teams, activities and shifts through EF.
/// </summary>
sealed class VolunteersKind : IRecordKind
{
    public const int VolunteerCount = 400_000;
    public const int ActivityCount = 60_000;
    public const long DefaultHourRecords = 10_000_000;
    public const int AccountShare = 10;
    public const string ProfileUser = "zy.000000";

    static readonly Type[] Tables = [typeof(Volunteer), typeof(TeamMember), typeof(SignUp), typeof(HourRecord)];

    public string Name => "volunteers + teams + activities + hours";

    sealed class V
    {
        public required Volunteer Entity;
        public required int Township;
        public double Weight;
        public int FinalMinutes;
    }

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var db = ctx.Db;
        var f = ctx.Townships.Count() / 279.0;
        var volunteerCount = (int)Math.Round(VolunteerCount * f);
        var activityCount = (int)Math.Round(ActivityCount * f);
        var hourRecords = (long)Math.Round(ctx.HourRecords * f);
        var today = ctx.Today;
        var first = today.AddYears(-5);
        var (low, high) = AreaCode.Range(ctx.Scale.RootCode);
        var villages = (await db.Areas.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Level == AreaLevel.Village && string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0)
                .Select(a => new { a.Code, a.Name }).ToListAsync())
            .GroupBy(a => a.Code[..9]).ToDictionary(g => g.Key, g => g.Select(a => (a.Code, a.Name)).ToList());
        var townships = ctx.Townships.Where(t => villages.ContainsKey(t.Code[..9])).ToList();
        var stations = ctx.Stations.GroupBy(s => s.AreaCode).ToDictionary(g => g.Key, g => g.First());
        var workers = ctx.Users.Where(u => u.UserName!.StartsWith("sw.", StringComparison.Ordinal) && AreaCode.LevelOf(u.HomeAreaCode) == AreaLevel.Township)
            .GroupBy(u => u.HomeAreaCode).ToDictionary(g => g.Key, g => g.Select(u => (u.Id, u.DisplayName)).ToList());
        Console.WriteLine($"    ({volunteerCount:N0} volunteers, {activityCount:N0} activities, {hourRecords:N0} hour records over {townships.Count} townships, {first:yyyy-MM-dd} – {today:yyyy-MM-dd})");

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
        if (sqlite) await Households.Exec(connection, "PRAGMA cache_size=-524288;");
        var indexes = await Households.DropIndexesAsync(connection, sqlite, Tables.Select(t => db.Model.FindEntityType(t)!.GetTableName()!));
        var written = 0;

        // 1. Volunteers, in the communities of each township, with accounts for a share of them (the first is the profile volunteer).
        var people = new List<V>(volunteerCount);
        var byTownship = townships.Select(_ => new List<int>()).ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var sequence = new Dictionary<string, int>(StringComparer.Ordinal);
        var users = new List<User>();
        var roles = new List<RoleAssignment>();
        var hash = new PasswordHasher<User>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1000 }))
            .HashPassword(null!, StaffUsers.Password);
        long phone = 15900000000;
        var volunteersTable = new BulkTable<Volunteer>(db);
        var batch = new List<Volunteer>();
        for (var i = 0; i < volunteerCount; i++)
        {
            var ti = i == 0 ? 0 : r.Next(townships.Count);
            var township = townships[ti];
            var places = villages[township.Code[..9]];
            var area = places[r.Next(places.Count)].Code;
            var age = r.Next(100) switch { < 2 => r.Next(16, 18), < 30 => r.Next(18, 30), < 75 => r.Next(30, 55), _ => r.Next(55, 76) };
            var birth = today.AddYears(-age).AddDays(-r.Next(0, 365));
            var sex = r.Next(100) < 58 ? Sex.Female : Sex.Male;
            var registered = i == 0 ? today.AddYears(-6) : today.AddDays(-r.Next(0, 6 * 365));
            if (ChinaTime.AgeOn(birth, registered) < 16) registered = birth.AddYears(16).AddDays(r.Next(1, 60));
            if (registered > today) registered = today;
            var county = area[..6];
            var key = county + registered.Year;
            var seq = sequence[key] = sequence.GetValueOrDefault(key) + 1;
            var no = $"ZY{county}{registered.Year}{seq:000000}";
            var idNumber = NewId(r, ids, county, birth, sex);
            var withAccount = i == 0 || r.Next(100) < AccountShare;
            var source = withAccount ? VolunteerSource.SelfService : r.Next(10) < 7 ? VolunteerSource.Staff : VolunteerSource.Import;
            var worker = workers.GetValueOrDefault(township.Code) is { Count: > 0 } w ? w[r.Next(w.Count)] : (Id: (Guid?)null, DisplayName: "站点管理员");
            var at = ctx.At(registered, r.Next(8, 21));
            var v = new Volunteer(area, no, Names.Person(r), ctx.Sealer.Seal(SensitiveKind.IdNumber, idNumber), birth, sex,
                ctx.Sealer.Seal(SensitiveKind.Phone, (++phone).ToString(CultureInfo.InvariantCulture)), source,
                withAccount ? null : worker.Id, withAccount ? "本人注册" : worker.DisplayName, at);
            v.Describe(v.Name, v.Phone, (VolunteerSkill)(1 << r.Next(13)) | (r.Next(3) == 0 ? (VolunteerSkill)(1 << r.Next(13)) : 0), "",
                (VolunteerAvailability)r.Next(1, 16));
            if (ChinaTime.AgeOn(birth, registered) < 18)
                v.SetGuardian(Names.Person(r), r.Next(2) == 0 ? "父亲" : "母亲", ctx.Sealer.Seal(SensitiveKind.Phone, (++phone).ToString(CultureInfo.InvariantCulture)), registered, false);
            if (i > 0 && r.Next(100) < 5) v.SetStatus(r.Next(5) < 3 ? VolunteerStatus.Suspended : VolunteerStatus.Withdrawn, "本人申请");
            if (withAccount)
            {
                var u = new User(i == 0 ? ProfileUser : $"zy.{users.Count:000000}", v.Name, area, at) { NormalizedUserName = (i == 0 ? ProfileUser : $"zy.{users.Count:000000}").ToUpperInvariant(), PasswordHash = hash };
                users.Add(u);
                roles.Add(new RoleAssignment(u.Id, Role.Volunteer, area));
                v.LinkAccount(u.Id);
            }
            people.Add(new V { Entity = v, Township = ti, Weight = i == 0 ? 0 : Math.Exp(1.1 * Gaussian(r)) });
            byTownship[ti].Add(i);
            batch.Add(v);
            if (batch.Count == 20_000) { written += await WriteInTx(connection, sqlite, tx => volunteersTable.WriteAsync(connection, tx, batch)); batch.Clear(); }
        }
        written += await WriteInTx(connection, sqlite, tx => volunteersTable.WriteAsync(connection, tx, batch));
        written += await ctx.InsertAsync(users) + await ctx.InsertAsync(roles);
        Console.WriteLine($"    (volunteers and {users.Count:N0} accounts written)");

        // 2. Teams of each township: the station's and some communities', with members of the township (a leader first).
        var teams = new List<Team>();
        var members = new List<TeamMember>();
        var teamsOf = townships.Select(_ => new List<Team>()).ToArray();
        string[] brands = ["红马甲", "邻里守望", "夕阳红", "春风", "青年突击", "巾帼", "银龄", "护河", "文明实践", "爱心"];
        for (var ti = 0; ti < townships.Count; ti++)
        {
            var township = townships[ti];
            var places = villages[township.Code[..9]];
            var station = stations.GetValueOrDefault(township.Code);
            var pool = byTownship[ti];
            if (pool.Count == 0) continue;
            var count = r.Next(5, 10);
            for (var k = 0; k < count; k++)
            {
                var brand = brands[(k + ti) % brands.Length];
                var community = k > 1 && r.Next(2) == 0;
                var place = community ? places[r.Next(places.Count)] : (township.Code, township.Name);
                var t = new Team(place.Item1, $"{Names.Short(community ? place.Item2 : township.Name)}{brand}志愿服务队{k + 1}", community ? TeamOwnerKind.Community : TeamOwnerKind.Station, null,
                    community ? place.Item2 : station?.Name ?? township.Name, null, "站点管理员", ctx.At(first.AddDays(-r.Next(0, 700))));
                t.Describe(t.Name, brand, (VolunteerServiceKind)r.Next(1, 11), $"{brand}志愿服务", first.AddDays(-r.Next(0, 700)));
                teams.Add(t);
                teamsOf[ti].Add(t);
                var size = Math.Min(pool.Count, (int)Math.Round(20 + 180 * Math.Pow(r.NextDouble(), 2)));
                var chosen = new HashSet<int>();
                for (var n = 0; n < size * 3 && chosen.Count < size; n++) chosen.Add(pool[r.Next(pool.Count)]);
                foreach (var vi in chosen)
                {
                    var status = r.Next(100) switch { < 85 => MembershipStatus.Active, < 90 => MembershipStatus.Pending, _ => MembershipStatus.Left };
                    members.Add(new TeamMember(t, people[vi].Entity.Id, status, ctx.At(first.AddDays(r.Next(0, 5 * 365)))));
                }
            }
        }
        written += await ctx.InsertAsync(teams);
        written += await WriteInTx(connection, sqlite, tx => new BulkTable<TeamMember>(db).WriteAsync(connection, tx, members));
        Console.WriteLine($"    ({teams.Count:N0} teams, {members.Count:N0} memberships)");

        // Cumulative weights per township (who signs up there) and over the city (who back-fills).
        var cumulative = byTownship.Select(list =>
        {
            var c = new double[list.Count];
            var s = 0.0;
            for (var k = 0; k < list.Count; k++) c[k] = s += people[list[k]].Weight;
            return c;
        }).ToArray();
        var cityCumulative = new double[people.Count];
        { var s = 0.0; for (var k = 0; k < people.Count; k++) cityCumulative[k] = s += people[k].Weight; }

        // 3. Activities, shifts, sign-ups and the attendance records; then the back-filled records.
        var totals = new Dictionary<(string Area, int Year), (long Minutes, int Records)>();
        var recordsWritten = 0L;
        var activities = new List<Activity>();
        var shifts = new List<Shift>();
        var openTo = new List<ActivityTeam>();
        var signUps = new List<SignUp>();
        var records = new List<HourRecord>();
        var signUpsTable = new BulkTable<SignUp>(db);
        var recordsTable = new BulkTable<HourRecord>(db);
        var span = today.AddDays(30).DayNumber - first.DayNumber;
        var pastShare = (double)(today.DayNumber - first.DayNumber) / span;
        var attendanceTarget = hourRecords / 2;
        var perPastShift = attendanceTarget / (activityCount * 2.0 * pastShare);
        string[] titles = ["关爱独居老人入户探访", "社区环境清洁", "敬老院陪伴", "留守儿童课业辅导", "文明交通劝导", "防诈骗宣传", "义诊服务", "河道巡护", "垃圾分类宣传", "重阳节敬老活动", "便民理发", "图书馆志愿服务"];
        (int Hour, int Length)[] slots = [(8, 3), (9, 2), (14, 3), (14, 2), (19, 2), (8, 8)];
        long finalRecords = 0;

        void Count(HourRecord rec, V who)
        {
            if (rec.Status != HourRecordStatus.Final) return;
            who.FinalMinutes += rec.Minutes;
            var k = (rec.AreaCode, rec.ServiceDate.Year);
            var t = totals.GetValueOrDefault(k);
            totals[k] = (t.Minutes + rec.Minutes, t.Records + 1);
            finalRecords++;
        }

        HourRecord Post(HourRecord rec, V who, DateOnly day)
        {
            // Posted on the day of service (or the next); final after the posting period unless still within it.
            var posted = day.AddDays(r.Next(0, 2));
            if (posted > today) posted = today;
            var finalOn = HourPosting.FinalOn(posted, 3);
            var made = new HourRecord(rec.AreaCode, rec.VolunteerId, rec.Kind, rec.OrganizerName, rec.Content, rec.StartedAt, rec.EndedAt, rec.Minutes, posted, finalOn,
                rec.RecordedById, rec.RecordedByName, ctx.At(posted, 21));
            if (rec.ActivityId is { } a && rec.ShiftId is { } s && rec.SignUpId is { } su) made.ForShift(a, rec.OrganizationId, s, su);
            else made.ForActivity(rec.ActivityId, rec.OrganizationId);
            if (rec.Reason.Length > 0) made.Because(rec.Reason, rec.Evidence);
            if (finalOn <= today) made.Finalize(ctx.At(finalOn, 1));
            else if (r.Next(200) == 0) made.Dispute("时长与实际不符，实际服务时间更长", ctx.At(today, 9));
            records.Add(made);
            Count(made, who);
            if (made.Status == HourRecordStatus.Final && r.Next(2000) == 0)
            {
                // 更正: a later record of the difference, final too.
                var delta = r.Next(2) == 0 ? -30 : 30;
                if (made.Minutes + delta > 0)
                {
                    var on = finalOn.AddDays(r.Next(1, 20));
                    if (on <= today.AddDays(-5))
                    {
                        var c = new HourRecord(made.AreaCode, made.VolunteerId, HourRecordKind.Correction, made.OrganizerName, made.Content, made.StartedAt, made.EndedAt, delta,
                            on, HourPosting.FinalOn(on, 3), made.RecordedById, made.RecordedByName, ctx.At(on, 10)).Correcting(made.Id).Because("核对签到表后更正");
                        c.ForActivity(made.ActivityId, made.OrganizationId);
                        c.Finalize(ctx.At(HourPosting.FinalOn(on, 3), 1));
                        records.Add(c);
                        Count(c, who);
                    }
                }
            }
            return made;
        }

        async Task Flush(bool all)
        {
            if (!all && records.Count < 50_000) return;
            if (activities.Count > 0) written += await ctx.InsertAsync(activities) + await ctx.InsertAsync(shifts) + await ctx.InsertAsync(openTo);
            written += await WriteInTx(connection, sqlite, async tx => await signUpsTable.WriteAsync(connection, tx, signUps) + await recordsTable.WriteAsync(connection, tx, records));
            recordsWritten += records.Count;
            activities.Clear(); shifts.Clear(); openTo.Clear(); signUps.Clear(); records.Clear();
        }

        int PickIn(int ti, double[] c)
        {
            var x = r.NextDouble() * c[^1];
            var k = Array.BinarySearch(c, x);
            return byTownship[ti][k < 0 ? ~k : k];
        }

        var load = System.Diagnostics.Stopwatch.StartNew();
        for (var ai = 0; ai < activityCount; ai++)
        {
            var ti = r.Next(townships.Count);
            var township = townships[ti];
            if (byTownship[ti].Count == 0) continue;
            var places = villages[township.Code[..9]];
            var inCommunity = r.Next(100) < 45;
            var area = inCommunity ? places[r.Next(places.Count)].Code : township.Code;
            var day = first.AddDays(r.Next(span));
            var worker = workers.GetValueOrDefault(township.Code) is { Count: > 0 } w ? w[r.Next(w.Count)] : (Id: (Guid?)null, DisplayName: "站点管理员");
            var organizer = stations.GetValueOrDefault(township.Code)?.Name ?? township.Name;
            if (organizer.Length > 60) organizer = organizer[..60];
            var a = new Activity(area, titles[r.Next(titles.Length)], (VolunteerServiceKind)r.Next(1, 11), organizer, worker.Id, worker.DisplayName, ctx.At(day.AddDays(-r.Next(3, 20)), 10));
            a.Describe(a.Title, a.Kind, "辖区居民", inCommunity ? "社区活动室" : "社工站", null, null, null, "", (VolunteerSkill)(1 << r.Next(13)), null, null, r.Next(3) == 0 ? 2 : 0, organizer);
            var chosen = r.Next(100) < 15 && teamsOf[ti].Count > 0;
            if (chosen)
            {
                a.Open(ActivityOpenTo.ChosenTeams);
                openTo.Add(new ActivityTeam(a, teamsOf[ti][r.Next(teamsOf[ti].Count)].Id));
            }
            if (r.Next(50) == 0) a.Cancel("天气原因取消");
            activities.Add(a);
            var shiftCount = r.Next(100) switch { < 30 => 1, < 75 => 2, _ => 3 };
            for (var si = 0; si < shiftCount; si++)
            {
                var (hour, length) = slots[(si + r.Next(slots.Length)) % slots.Length];
                var starts = ctx.At(day, hour);
                var ends = starts.AddHours(length);
                var past = ends < ctx.Now;
                var wanted = past ? (int)Math.Round(perPastShift * (0.4 + 1.2 * r.NextDouble())) : r.Next(0, 30);
                var capacity = Math.Max(10, (int)Math.Ceiling(wanted * (past ? 1.0 : 1.5) / 10.0) * 10);
                var shift = new Shift(a, shiftCount == 1 ? "" : si switch { 0 => "第一班", 1 => "第二班", _ => "第三班" }, starts, ends, capacity);
                shifts.Add(shift);
                var taken = new HashSet<int>();
                var cum = cumulative[ti];
                for (var n = 0; n < wanted * 2 && taken.Count < wanted; n++) taken.Add(PickIn(ti, cum));
                var signed = starts.AddDays(-r.Next(1, 10));
                foreach (var vi in taken)
                {
                    var who = people[vi];
                    if (who.Entity.Status != VolunteerStatus.Active && !past) continue;
                    var s = new SignUp(shift, who.Entity.Id, SignUpStatus.Confirmed, signed.AddMinutes(r.Next(0, 600)));
                    signUps.Add(s);
                    if (a.Status == ActivityStatus.Cancelled) { s.End(SignUpStatus.Cancelled, a.CreatedAt.AddDays(1), "活动取消：天气原因取消"); continue; }
                    if (!past) continue;
                    if (r.Next(100) < 5) continue; // did not come: no record
                    var checkIn = starts.AddMinutes(r.Next(-15, 10));
                    var checkOut = ends.AddMinutes(r.Next(-10, 20));
                    s.CheckIn(checkIn, Wushe.Features.Volunteers.CheckInCodes.UnixMinute(checkIn));
                    s.CheckOut(checkOut, "");
                    var minutes = Math.Min(8 * 60, (int)(ends - starts).TotalMinutes / 30 * 30);
                    var rec = new HourRecord(area, who.Entity.Id, HourRecordKind.Attendance, organizer, a.Title + (shift.Name.Length > 0 ? $"（{shift.Name}）" : ""),
                        checkIn > starts ? checkIn : starts, checkOut < ends ? checkOut : ends, minutes, day, day, worker.Id, worker.DisplayName, checkOut)
                        .ForShift(a.Id, a.OrganizationId, shift.Id, s.Id);
                    Post(rec, who, day);
                }
                // A few cancelled sign-ups, and a waitlist on some full upcoming shifts.
                if (r.Next(4) == 0)
                {
                    var vi = PickIn(ti, cum);
                    if (!taken.Contains(vi))
                    {
                        var s = new SignUp(shift, people[vi].Entity.Id, SignUpStatus.Confirmed, signed);
                        s.End(SignUpStatus.Cancelled, signed.AddDays(1), "");
                        signUps.Add(s);
                    }
                }
            }
            await Flush(false);
        }
        await Flush(true);
        Console.WriteLine($"    (activities, shifts, sign-ups and {recordsWritten:N0} attendance records written in {load.Elapsed.TotalSeconds:0.0} s)");

        // Back-filled hours (荣誉时) to the total, by volunteers weighted over the city, in their own community.
        var honour = hourRecords - recordsWritten;
        string[] offline = ["社区防疫值守", "文明城市创建志愿服务", "春运志愿服务", "抗洪救灾志愿服务", "助老送餐", "爱心义卖"];
        string[] evidence = ["签到表及活动照片", "合作单位证明函", "活动签到表"];
        for (long k = 0; k < honour; k++)
        {
            var x = r.NextDouble() * cityCumulative[^1];
            var idx = Array.BinarySearch(cityCumulative, x);
            var who = people[idx < 0 ? ~idx : idx];
            var day = first.AddDays(r.Next(today.DayNumber - first.DayNumber + 1));
            Post(BackFilled(ctx, r, who, day, offline, evidence, workers, stations, townships), who, day);
            if (records.Count >= 50_000) await Flush(true);
        }
        // The profile volunteer: two records a week for five years.
        var profile = people[0];
        for (var day = first; day <= today; day = day.AddDays(r.Next(2, 5)))
            Post(BackFilled(ctx, r, profile, day, offline, evidence, workers, stations, townships), profile, day);
        await Flush(true);
        Console.WriteLine($"    ({recordsWritten:N0} hour records in all, {finalRecords:N0} final; rows written in {load.Elapsed.TotalSeconds:0.0} s)");

        // 4. The roll-ups from exactly those records: each volunteer's final minutes and the final minutes per area and year.
        var rollups = System.Diagnostics.Stopwatch.StartNew();
        await WriteRollupsAsync(db, connection, sqlite, people.Where(p => p.FinalMinutes != 0).Select(p => (p.Entity.Id, p.FinalMinutes)).ToList(), totals);
        var rolled = rollups.Elapsed.TotalSeconds;
        var rebuild = System.Diagnostics.Stopwatch.StartNew();
        foreach (var sql in indexes) await Households.Exec(connection, sql);
        Console.WriteLine($"    (roll-ups: {totals.Count:N0} HourTotal rows, FinalMinutes of {people.Count(p => p.FinalMinutes != 0):N0} volunteers, in {rolled:0.0} s; {indexes.Count} indexes rebuilt in {rebuild.Elapsed.TotalSeconds:0.0} s)");
        await db.Database.CloseConnectionAsync();
        return written + totals.Count;
    }

    static HourRecord BackFilled(GenContext ctx, Random r, V who, DateOnly day, string[] offline, string[] evidence,
        Dictionary<string, List<(Guid Id, string DisplayName)>> workers, Dictionary<string, Wushe.Features.Stations.Station> stations, List<Area> townships)
    {
        var township = townships[who.Township];
        var worker = workers.GetValueOrDefault(township.Code) is { Count: > 0 } w ? w[r.Next(w.Count)] : (Id: (Guid?)null, DisplayName: "站点管理员");
        var organizer = stations.GetValueOrDefault(township.Code)?.Name ?? township.Name;
        if (organizer.Length > 60) organizer = organizer[..60];
        var hour = r.Next(8, 17);
        var minutes = r.Next(2, 9) * 30;
        var starts = ctx.At(day, hour);
        return new HourRecord(who.Entity.AreaCode, who.Entity.Id, HourRecordKind.Honour, organizer, offline[r.Next(offline.Length)], starts, starts.AddMinutes(minutes), minutes,
                day, day, worker.Id, worker.DisplayName, starts)
            .Because("线下服务补录", evidence[r.Next(evidence.Length)]);
    }

    /// <summary>Sets <see cref="Volunteer.FinalMinutes"/> and inserts the <see cref="HourTotal"/> rows (column names from the model, as FinalizeHours writes them).</summary>
    static async Task WriteRollupsAsync(Wushe.Data.AppDb db, DbConnection connection, bool sqlite, List<(Guid Id, int Minutes)> finals, Dictionary<(string Area, int Year), (long Minutes, int Records)> totals)
    {
        var vt = db.Model.FindEntityType(typeof(Volunteer))!;
        var vTable = vt.GetTableName();
        string VCol(string p) => $"\"{vt.FindProperty(p)!.GetColumnName()}\"";
        var ht = db.Model.FindEntityType(typeof(HourTotal))!;
        var hTable = ht.GetTableName();
        string HCol(string p) => $"\"{ht.FindProperty(p)!.GetColumnName()}\"";
        var insertTotal = $"INSERT INTO \"{hTable}\" ({HCol(nameof(HourTotal.AreaCode))}, {HCol(nameof(HourTotal.Year))}, {HCol(nameof(HourTotal.Minutes))}, {HCol(nameof(HourTotal.Records))}) VALUES (@a, @y, @m, @n)";
        if (connection is NpgsqlConnection pg)
        {
            await Households.Exec(connection, "CREATE TEMP TABLE bench_final (id uuid PRIMARY KEY, minutes int NOT NULL)");
            await using (var copy = await pg.BeginBinaryImportAsync("COPY bench_final (id, minutes) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (id, m) in finals)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlTypes.NpgsqlDbType.Uuid);
                    await copy.WriteAsync(m, NpgsqlTypes.NpgsqlDbType.Integer);
                }
                await copy.CompleteAsync();
            }
            await Households.Exec(connection, $"UPDATE \"{vTable}\" v SET {VCol(nameof(Volunteer.FinalMinutes))} = f.minutes FROM bench_final f WHERE v.{VCol(nameof(Volunteer.Id))} = f.id");
            await Households.Exec(connection, "DROP TABLE bench_final");
            foreach (var ((area, year), (minutes, n)) in totals)
            {
                await using var cmd = new NpgsqlCommand(insertTotal, pg);
                cmd.Parameters.AddWithValue("a", area);
                cmd.Parameters.AddWithValue("y", year);
                cmd.Parameters.AddWithValue("m", minutes);
                cmd.Parameters.AddWithValue("n", n);
                await cmd.ExecuteNonQueryAsync();
            }
            return;
        }
        await using var tx = await connection.BeginTransactionAsync();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = $"UPDATE \"{vTable}\" SET {VCol(nameof(Volunteer.FinalMinutes))} = @m WHERE {VCol(nameof(Volunteer.Id))} = @id";
            var pm = cmd.CreateParameter(); pm.ParameterName = "@m"; cmd.Parameters.Add(pm);
            var pid = cmd.CreateParameter(); pid.ParameterName = "@id"; cmd.Parameters.Add(pid);
            // SQLite keeps Guids as upper-case text (EF's default mapping).
            foreach (var (id, m) in finals)
            {
                pm.Value = m;
                pid.Value = id.ToString().ToUpperInvariant();
                await cmd.ExecuteNonQueryAsync();
            }
        }
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = insertTotal;
            var pa = cmd.CreateParameter(); pa.ParameterName = "@a"; cmd.Parameters.Add(pa);
            var py = cmd.CreateParameter(); py.ParameterName = "@y"; cmd.Parameters.Add(py);
            var pm = cmd.CreateParameter(); pm.ParameterName = "@m"; cmd.Parameters.Add(pm);
            var pn = cmd.CreateParameter(); pn.ParameterName = "@n"; cmd.Parameters.Add(pn);
            foreach (var ((area, year), (minutes, n)) in totals)
            {
                pa.Value = area; py.Value = year; pm.Value = minutes; pn.Value = n;
                await cmd.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
    }

    static async Task<int> WriteInTx(DbConnection connection, bool sqlite, Func<DbTransaction?, Task<int>> write)
    {
        await using var tx = sqlite ? await connection.BeginTransactionAsync() : null;
        var n = await write(tx);
        if (tx is not null) await tx.CommitAsync();
        return n;
    }

    /// <summary>A valid 18-character ID (GB 11643), unique in the run.</summary>
    static string NewId(Random r, HashSet<string> ids, string county, DateOnly birth, Sex sex)
    {
        while (true)
        {
            var seq = r.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);
            var first = $"{county}{birth:yyyyMMdd}{seq:000}";
            if (ids.Add(first)) return first + ResidentId.CheckChar(first);
        }
    }

    static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
