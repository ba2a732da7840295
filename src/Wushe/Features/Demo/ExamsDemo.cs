using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Workforce;
using Wushe.Features.Workforce.Exams;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo exam results (issue 11) of Huaibei's four counties for 2021–2023, made so that the city's figures are those of its report —
/// 2023: 1,338 sat and 346 passed (25.9%), each above every earlier year (a record high) — from candidate records whose results the
/// rules compute (<see cref="ExamRules.Evaluate"/>): most assistant and intermediate candidates, a few senior ones, some intermediate
/// candidates completing with a subject rolled from the year before, and a few registered but absent. Generated names and IDs (valid
/// check characters); a person already on the register (the same ID) is that social worker. One save.
/// </summary>
public static class ExamsDemo
{
    /// <summary>Sat and passed by year and level for the whole city: (assistant, intermediate, senior).</summary>
    public static readonly (int Year, (int Sat, int Passed)[] Levels, int Rolled)[] Plan =
    [
        (2021, [(600, 150), (350, 62), (25, 5)], 0),
        (2022, [(700, 190), (410, 80), (30, 6)], 20),
        (2023, [(820, 238), (480, 100), (38, 8)], 30),
    ];

    /// <summary>The four counties and their shares of the candidates (percent).</summary>
    static readonly (string Code, int Share)[] Counties = [("340602000000", 20), ("340603000000", 35), ("340604000000", 20), ("340621000000", 25)];

    const int AbsentPerYear = 12;

    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭", "何", "高", "林", "宋", "郑", "谢", "韩", "唐"];
    static readonly string[] Given = ["晓燕", "志强", "丽娜", "海峰", "静", "磊", "婷婷", "建华", "雪梅", "俊", "文静", "浩", "佳", "明", "欣", "鹏", "倩", "宇", "琳", "超", "敏", "伟", "娟", "杰"];

    sealed record Person(string Name, string Id, string County);

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<ExamCandidate>().IgnoreQueryFilters().AnyAsync()) return;
        if (!await db.Areas.AnyAsync(a => a.Code == Counties[0].Code)) return;
        var sealer = sp.GetRequiredService<Sealer>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var random = new Random(20231105);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var serial = 0;

        Person NewPerson(string county)
        {
            while (true)
            {
                var birth = new DateOnly(1978, 1, 1).AddDays(random.Next(0, 365 * 22));
                var first17 = county[..6] + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
                    + (700 + serial++ % 300).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
                var id = first17 + ResidentId.CheckChar(first17);
                if (used.Add(id)) return new Person(Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)], id, county);
            }
        }

        // The sittings: (person, year, level, scores, review).
        var sittings = new List<(Person P, int Year, SocialWorkLevel Level, int? S1, int? S2, int? S3, bool? Review)>();
        var rollable = new List<Person>();
        int Pass() => random.Next(60, 86);
        int Fail() => random.Next(28, 60);
        int Any() => random.Next(35, 80);
        foreach (var (year, levels, rolled) in Plan)
        {
            // Last year's intermediate candidates with two subjects passed finish with the third this year (the two-year roll).
            var finishing = rollable.Take(rolled).ToList();
            var nextRollable = new List<Person>();
            for (var li = 0; li < levels.Length; li++)
            {
                var level = (SocialWorkLevel)(li + 1);
                var (sat, passed) = levels[li];
                var rollers = level == SocialWorkLevel.Intermediate ? finishing : [];
                var satShares = Split(sat - rollers.Count);
                var passShares = Split(passed - rollers.Count);
                foreach (var p in rollers) sittings.Add((p, year, level, null, null, Pass(), null));
                for (var c = 0; c < Counties.Length; c++)
                {
                    var county = Counties[c].Code;
                    for (var k = 0; k < satShares[c]; k++)
                    {
                        var person = NewPerson(county);
                        var passes = k < passShares[c];
                        switch (level)
                        {
                            case SocialWorkLevel.Assistant:
                                sittings.Add(passes ? (person, year, level, Pass(), Pass(), null, null)
                                    : random.Next(2) == 0 ? (person, year, level, Any(), Fail(), null, null) : (person, year, level, Fail(), Any(), null, null));
                                break;
                            case SocialWorkLevel.Intermediate:
                                if (passes) sittings.Add((person, year, level, Pass(), Pass(), Pass(), null));
                                else if (k % 6 == 0)
                                {
                                    // Two subjects passed: they may finish next year.
                                    sittings.Add((person, year, level, Pass(), Pass(), Fail(), null));
                                    nextRollable.Add(person);
                                }
                                else sittings.Add((person, year, level, Fail(), Any(), Fail(), null));
                                break;
                            default:
                                sittings.Add(passes ? (person, year, level, Pass(), null, null, k % 4 == 3 ? null : true) : (person, year, level, Fail(), null, null, null));
                                break;
                        }
                    }
                }
            }
            // Registered, absent on the day: not counted as sat.
            for (var a = 0; a < AbsentPerYear; a++)
                sittings.Add((NewPerson(Counties[a % Counties.Length].Code), year, SocialWorkLevel.Assistant, null, null, null, null));
            rollable = nextRollable;
        }

        // One social worker per ID: those on the register already are theirs.
        var hashes = sittings.Select(s => s.P.Id).Distinct().ToDictionary(id => id, id => sealer.Hash(SensitiveKind.IdNumber, id));
        var known = new Dictionary<string, (Guid Id, string Masked)>(StringComparer.Ordinal);
        foreach (var chunk in hashes.Values.Chunk(500))
            foreach (var w in await db.Set<SocialWorker>().IgnoreQueryFilters().Where(w => chunk.Contains(w.IdNumber.Hash)).Select(w => new { w.Id, w.IdNumber.Hash, w.IdNumber.Masked }).ToListAsync())
                known[w.Hash] = (w.Id, w.Masked);
        var created = new Dictionary<string, (Guid Id, string Masked)>(StringComparer.Ordinal);
        var candidates = new List<ExamCandidate>();
        foreach (var s in sittings)
        {
            var hash = hashes[s.P.Id];
            if (!known.TryGetValue(hash, out var w) && !created.TryGetValue(hash, out w))
            {
                var worker = SocialWorkerForm.New(db, sealer, s.P.Name, s.P.Id, s.P.County, null, "淮北市民政局", now);
                created[hash] = w = (worker.Id, worker.IdNumber.Masked);
            }
            var c = new ExamCandidate(s.Year, s.Level, w.Id, w.Masked, s.P.County, s.P.Name, null, "淮北市民政局", now);
            c.Score(s.P.County, s.P.Name, s.S1, s.S2, s.S3, s.Review);
            candidates.Add(c);
        }
        // The results as the rules compute them, person by person.
        foreach (var person in candidates.GroupBy(c => (c.SocialWorkerId, c.Level)))
        {
            var list = person.ToList();
            var outcomes = ExamRules.Evaluate(person.Key.Level, [.. list.Select(c => c.Sitting)], []);
            for (var i = 0; i < list.Count; i++) list[i].Result(outcomes[i]);
        }
        db.AddRange(candidates);
        await db.SaveChangesAsync();
    }

    /// <summary>A count split over the counties by their shares, the remainders to the largest fractions (the parts add up to the whole).</summary>
    static int[] Split(int total)
    {
        var exact = Counties.Select(c => total * c.Share / 100.0).ToArray();
        var parts = exact.Select(x => (int)Math.Floor(x)).ToArray();
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => exact[i] - parts[i]).Take(total - parts.Sum())) parts[i]++;
        return parts;
    }
}
