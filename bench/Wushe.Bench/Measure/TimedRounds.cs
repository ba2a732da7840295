using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wushe.Bench.Generate;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Bench.Measure;

/// <summary>
/// One timed case: its <paramref name="Name"/> and <paramref name="What"/> (the table's first two columns), and its body, called on a
/// fresh context acting as <paramref name="User"/>. <see cref="GoalMs"/>: the p95 in ms over which its row is marked ✗ (null: the
/// runner's <see cref="TimedRounds.GoalMs"/>; <see cref="double.MaxValue"/>: never); <see cref="Explain"/> false: its queries are never
/// shown with their plans (a case that writes, or the baseline).
/// </summary>
sealed record Case(string Name, string What, CurrentUser User, Func<AppDb, Task> Run)
{
    public double? GoalMs { get; init; }
    public bool Explain { get; init; } = true;
}

/// <summary>A case's timed calls (ms), and the SQL commands its last call sent.</summary>
sealed record Timing(Case Case, Stats Stats, long Commands);

/// <summary>
/// The timed rounds every measure verb runs: <c>warmup</c> untimed rounds, a full garbage collection, then <c>reps</c> timed rounds; a
/// round calls every case once, one after another, each call on a fresh context acting as its case's user, as a request does (so machine
/// noise spreads over all cases alike). Per case: median and p95 (nearest rank, <see cref="Stats"/>), the SQL commands of a call (counted by
/// <see cref="BenchDb.Commands"/>); the table it prints is Markdown, ms to <see cref="MsFormat"/>, each median over the first case's (the
/// baseline, never marked nor explained) to <see cref="RatioFormat"/>. The queries of a slow case are shown with their plans (EXPLAIN QUERY
/// PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL). Also what the verbs share around it: the bench city user, the clock, the
/// load average.
/// </summary>
sealed class TimedRounds
{
    /// <summary>The Bijie city bureau user (<c>bench.bijie</c>, BureauStaff of 毕节市) most cases act as.</summary>
    public static readonly CurrentUser CityUser = new(Guid.Empty, StaffUsers.BenchUser, [new Assignment(Role.BureauStaff, Scale.BijieCity, "毕节市", null)], null);

    /// <summary>The baseline most verbs time first: one round trip, no table.</summary>
    public static Case SelectOne { get; } = new("baseline: SELECT 1", "one round trip, no table", CityUser, async db =>
        await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync()) { Explain = false };

    /// <summary>Says so when this is a Debug build (figures are taken with <c>-c Release</c>).</summary>
    public TimedRounds(BenchDb target, int reps, int warmup)
    {
        Target = target;
        Reps = reps;
        Warmup = warmup;
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; measure with -c Release.");
#endif
    }

    /// <summary>
    /// The database of <c>--db</c>/<c>--postgres</c>; <c>--reps</c>, <c>--warmup</c> and <c>--explain-over</c> (ms) with the verb's
    /// defaults; <c>--today yyyy-MM-dd</c> (the generator's; default today in China).
    /// </summary>
    public static TimedRounds From(Options options, int reps, int warmup, int explainOver = 100) =>
        new(BenchDb.From(options), options.Get("reps", reps), options.Get("warmup", warmup))
        {
            ExplainOverMs = options.Get("explain-over", explainOver),
            Today = options.Get("today") is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd") : Wushe.Platform.ChinaTime.Today(TimeProvider.System),
        };

    public BenchDb Target { get; }
    public int Reps { get; }
    public int Warmup { get; }

    /// <summary>The p95 in ms over which <see cref="ExplainSlowAsync"/> shows a case's queries and plans (100).</summary>
    public double ExplainOverMs { get; init; } = 100;

    /// <summary>The day the data was generated for (<c>--today</c>).</summary>
    public DateOnly Today { get; init; } = Wushe.Platform.ChinaTime.Today(TimeProvider.System);

    /// <summary>A clock standing at 20:00 China time on <see cref="Today"/>.</summary>
    public TimeProvider Clock => new Fixed(new DateTimeOffset(Today.ToDateTime(new TimeOnly(20, 0)), TimeSpan.FromHours(8)).ToUniversalTime());

    /// <summary>The ms columns' format (<c>0.0</c>).</summary>
    public string MsFormat { get; init; } = "0.0";

    /// <summary>The median ÷ baseline column's format (<c>0</c>).</summary>
    public string RatioFormat { get; init; } = "0";

    /// <summary>The p95 in ms over which a row is marked ✗ (300, the goal of the issues); null: no marks.</summary>
    public double? GoalMs { get; init; } = 300;

    /// <summary>Before each call, <c>---- name: what</c> on standard output (with <c>--log-sql</c>, to tell whose SQL follows).</summary>
    public bool Announce { get; init; }

    /// <summary>The time of each case's first call on standard error (<c>  first call of NAME: N ms</c>).</summary>
    public bool ShowFirstCalls { get; init; } = true;

    /// <summary>
    /// The two lines before the rounds: what is measured how (<paramref name="roundNote"/> replaces the sentence after the rounds), and
    /// the machine, with the database's version when <paramref name="databaseVersion"/> and the time in UTC when <paramref name="stamp"/>.
    /// </summary>
    public async Task DescribeAsync(bool stamp = false, bool databaseVersion = false, string roundNote = "a round calls every case once, each with a fresh context.")
    {
        Console.WriteLine($"Measuring {Target.Describe}: {Warmup} warm-up + {Reps} timed rounds; {roundNote}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, {(databaseVersion ? await DatabaseVersion() + ", " : "")}"
            + $"load average at start {LoadAverage()}{(stamp ? $", {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC" : "")}");
    }

    async Task<string> DatabaseVersion()
    {
        await using var db = Target.OpenAsSystem();
        var sql = Target.IsPostgres ? "SELECT current_setting('server_version') AS \"Value\"" : "SELECT 'SQLite ' || sqlite_version() AS \"Value\"";
        var version = await db.Database.SqlQueryRaw<string>(sql).SingleAsync();
        return Target.IsPostgres ? "PostgreSQL " + version : version;
    }

    /// <summary>Runs the rounds over <paramref name="cases"/> (the first is the baseline); their timings in the same order.</summary>
    public async Task<List<Timing>> RunAsync(IReadOnlyList<Case> cases)
    {
        var times = cases.Select(_ => new List<double>(Reps)).ToArray();
        var commands = new long[cases.Count];
        for (var round = 0; round < Warmup + Reps; round++)
        {
            if (round == Warmup)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            for (var i = 0; i < cases.Count; i++)
            {
                var c = cases[i];
                if (Announce) Console.WriteLine($"---- {c.Name}: {c.What}");
                var sent = Target.Commands.Count;
                var watch = Stopwatch.StartNew();
                await using (var db = Target.Open(c.User)) await c.Run(db);
                if (round >= Warmup) times[i].Add(watch.Elapsed.TotalMilliseconds);
                commands[i] = Target.Commands.Count - sent;
                if (round == 0 && ShowFirstCalls) Console.Error.WriteLine($"  first call of {c.Name}: {watch.Elapsed.TotalMilliseconds:0} ms");
            }
        }
        return [.. cases.Select((c, i) => new Timing(c, new Stats(c.Name, times[i]), commands[i]))];
    }

    /// <summary>A column of the table after median and p95: its header and its value (ms).</summary>
    public sealed record Column(string Header, Func<Stats, double> Value);

    public static readonly Column Max = new("max ms", s => s.Max);
    public static readonly Column P99 = new("p99 ms", s => s.Percentile(99));

    /// <summary>
    /// The table, between blank lines: case, what, SQL commands, median ms, p95 ms (✗ past the case's goal), the <paramref name="extra"/>
    /// columns, and median ÷ baseline when <paramref name="ratio"/>.
    /// </summary>
    public void PrintTable(IReadOnlyList<Timing> results, bool ratio = true, params Column[] extra)
    {
        var baseline = results[0].Stats.Median;
        var headers = new[] { "median ms", "p95 ms" }.Concat(extra.Select(x => x.Header)).Concat(ratio ? ["median ÷ baseline"] : []).ToList();
        Console.WriteLine();
        Console.WriteLine($"| case | what | SQL commands | {string.Join(" | ", headers)} |");
        Console.WriteLine($"| --- | --- | ---: | {string.Join(" | ", headers.Select(_ => "---:"))} |");
        for (var i = 0; i < results.Count; i++)
        {
            var (c, s, commands) = results[i];
            var goal = c.GoalMs ?? GoalMs;
            var cells = new List<string>
            {
                s.Median.ToString(MsFormat, CultureInfo.CurrentCulture),
                s.P95.ToString(MsFormat, CultureInfo.CurrentCulture) + (i > 0 && s.P95 > goal ? " ✗" : ""),
            };
            cells.AddRange(extra.Select(x => x.Value(s).ToString(MsFormat, CultureInfo.CurrentCulture)));
            if (ratio) cells.Add((s.Median / baseline).ToString(RatioFormat, CultureInfo.CurrentCulture));
            Console.WriteLine($"| {c.Name} | {c.What} | {commands} | {string.Join(" | ", cells)} |");
        }
        Console.WriteLine();
    }

    /// <summary>
    /// The queries and plans of every case but the baseline whose p95 is over <see cref="ExplainOverMs"/> and that may be explained, each
    /// case called once more to record them (see <see cref="ExplainAsync"/>).
    /// </summary>
    public async Task ExplainSlowAsync(IReadOnlyList<Timing> results, bool fullText = false, bool timeAlone = false)
    {
        foreach (var (c, s, _) in results.Skip(1).Where(x => x.Case.Explain && x.Stats.P95 > ExplainOverMs))
            await ExplainAsync($"{c.Name}: p95 {s.P95:0.0} ms", c.User, c.Run, fullText, timeAlone);
    }

    /// <summary>
    /// <c>#### TITLE — its queries and plans</c>, then <paramref name="run"/> called once on a fresh context acting as
    /// <paramref name="user"/>, and each SELECT it sent in a <c>sql</c> block: its text (cut at 1,500 characters unless
    /// <paramref name="fullText"/>), its parameters (cut at 300), with <paramref name="timeAlone"/> the time of the query alone as sent (its
    /// rows read and dropped), and its plan.
    /// </summary>
    public async Task ExplainAsync(string title, CurrentUser user, Func<AppDb, Task> run, bool fullText = false, bool timeAlone = false)
    {
        Console.WriteLine();
        Console.WriteLine($"#### {title} — its queries and plans");
        Target.Commands.Recording = [];
        await using (var db = Target.Open(user)) await run(db);
        var recorded = Target.Commands.Recording;
        Target.Commands.Recording = null;
        await using var plain = Target.OpenAsSystem();
        await plain.Database.OpenConnectionAsync();
        var connection = plain.Database.GetDbConnection();
        foreach (var (sql, parameters) in recorded.Where(q => q.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            double? alone = null;
            if (timeAlone)
            {
                var watch = Stopwatch.StartNew();
                await using (var cmd = Command(connection, sql, parameters))
                {
                    cmd.CommandTimeout = 0;
                    await using var reader = await cmd.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) { }
                }
                alone = watch.Elapsed.TotalMilliseconds;
            }
            var plan = await PlanAsync(connection, Target.IsPostgres, sql, parameters);
            var shown = string.Join(", ", parameters.Select(p => $"{p.Name} = {p.Value}"));
            Console.WriteLine("```sql");
            Console.WriteLine(fullText || sql.Length <= 1500 ? sql.Trim() : sql.Trim()[..1500] + " …");
            Console.WriteLine("-- " + (fullText || shown.Length <= 300 ? shown : shown[..300] + " …"));
            if (alone is { } ms) Console.WriteLine($"-- alone: {ms:0.0} ms");
            Console.WriteLine("-- plan:");
            foreach (var line in plan) Console.WriteLine("-- " + line);
            Console.WriteLine("```");
        }
    }

    static DbCommand Command(DbConnection connection, string sql, List<(string Name, object? Value)> parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = n;
            p.Value = v ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    /// <summary>The plan of <paramref name="sql"/> with its parameters, a line each.</summary>
    static async Task<List<string>> PlanAsync(DbConnection connection, bool postgres, string sql, List<(string Name, object? Value)> parameters)
    {
        await using var cmd = Command(connection, (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql, parameters);
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(postgres ? reader.GetString(0) : $"{reader.GetValue(1)}→{reader.GetValue(0)} {reader.GetString(3)}");
        return lines;
    }

    /// <summary>Keeps the baseline (the first case) and the cases whose name contains <paramref name="only"/> (<c>--only</c>; all when null).</summary>
    public static Case[] Only(Case[] cases, string? only) =>
        only is null ? cases : [cases[0], .. cases.Skip(1).Where(c => c.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];

    sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Throws when a use case refused (a case must measure the answer, not a refusal).</summary>
    public static void Ok<T>(Wushe.Platform.Outcomes.Result<T> result)
    {
        if (!result.IsOk) throw new InvalidOperationException($"refused: {result.Failure}");
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or <c>n/a</c>.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
