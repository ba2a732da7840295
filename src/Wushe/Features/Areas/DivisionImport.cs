using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Accounts.Users;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;

namespace Wushe.Features.Areas;

/// <summary>When an import asks for confirmation: configuration <c>Wushe:Divisions:Import</c> (ConfirmPercent, ConfirmMin, ConfirmMax).</summary>
public sealed record DivisionImportOptions
{
    /// <summary>Ask when retirements plus renames exceed this percentage of the current areas of the provinces the list covers…</summary>
    public double ConfirmPercent { get; init; } = 2;

    /// <summary>…but never ask for this many or fewer…</summary>
    public int ConfirmMin { get; init; } = 10;

    /// <summary>…and always ask above this many.</summary>
    public int ConfirmMax { get; init; } = 200;

    public int Threshold(int currentAreas) => Math.Clamp((int)Math.Ceiling(currentAreas * ConfirmPercent / 100), ConfirmMin, ConfirmMax);
}

/// <summary>
/// Imports a national division list (<see cref="DivisionList"/>) over the areas in the database:
/// adds new codes, renames, restores codes that come back, and retires (never deletes) the codes
/// that vanished from the provinces the list covers, with the villages below them.
/// <para>
/// In two steps, so the database's write lock is held for moments only: <see cref="PlanAsync"/>
/// reads and compares in memory, outside any transaction; <see cref="ApplyAsync"/> writes only the
/// changes in one short transaction. A plan that would retire or rename more than a small share of
/// the current areas (a truncated file), or leave records on vanishing codes (a re-coded county
/// without a mapping), is not applied until confirmed. An old → new <see cref="CodeMapping"/> moves
/// what hangs on vanishing codes — every <see cref="IAreaScoped"/> record of any entity in the model,
/// role assignments, users' home areas — by prefix replacement.
/// </para>
/// The import is a platform-wide system action: only an actor with the whole country in scope runs it
/// (the platform admin's job, the command line, the demo). Its set-based moves bypass AppDb's per-entity
/// write guard, which that check stands in for.
/// </summary>
public sealed class DivisionImport(AppDb db, TimeProvider clock, IOptions<DivisionImportOptions> options, ILogger<DivisionImport> log, IEnumerable<IAreaRollUp> rollUps)
{
    /// <summary>Confirms whatever the plan is (the command line's --confirm, the demo, the benchmark).</summary>
    public const string ConfirmAnything = "*";

    const int Batch = 500;
    const int Sample = 50;

    public delegate void Progress(string stage, int done, int total);

    public sealed record Summary(int Rows, int Added, int Renamed, int Restored, int Retired, int VillagesRetired, int Unchanged, int Moved, double WriteSeconds);

    /// <summary>An area named in a plan: its code and name, and the new name of a renamed one.</summary>
    public sealed record Change(string Code, string Name, string? NewName = null);

    /// <summary>How many records of a kind (社工站, 角色, …) hang on a vanishing area.</summary>
    public sealed record RecordCount(string Kind, string Label, int Count);

    /// <summary>What hangs on a vanishing area (the topmost one that vanishes), and where the mapping moves it.</summary>
    public sealed record Hanging(string Code, string Name, string? MovesTo, string? MovesToName, int Moved, int Stays, IReadOnlyList<RecordCount> Records);

    /// <summary>What an import would do, shown before it is confirmed.</summary>
    /// <param name="Hanging">The first 50 vanishing areas that records hang on (in code order) of <paramref name="HangingAreas"/>.</param>
    /// <param name="HangingStays">Records on vanishing codes that no mapping moves.</param>
    public sealed record PlanView(int Rows, int Added, int Renamed, int Restored, int Retired, int VillagesRetired, int Unchanged,
        int CurrentAreas, int Threshold, IReadOnlyList<Change> RetiredSample, IReadOnlyList<Change> RenamedSample,
        IReadOnlyList<Hanging> Hanging, int HangingAreas, int HangingStays, IReadOnlyList<string> Reasons, string Fingerprint);

    /// <summary>The result of a run: a summary when applied; a plan waiting for confirmation; or the problems (nothing saved).</summary>
    /// <param name="BadRows">How many of the errors are about single rows (UI.md's "共 N 条数据不正确").</param>
    public sealed record Outcome(Summary? Summary, PlanView? Pending, IReadOnlyList<string> Errors, IReadOnlyList<string> Notes, int BadRows = 0);

    /// <summary>Everything <see cref="ApplyAsync"/> needs; computed without writing.</summary>
    public sealed class Plan
    {
        internal List<DivisionList.Row> Added { get; } = [];
        internal List<(DivisionList.Row Row, AreaKind Kind)> Updates { get; } = [];
        internal List<string> RetireCodes { get; } = [];
        internal List<CodeMapping.Pair> Pairs { get; init; } = [];
        internal List<(string Old, string New)> VillageMoves { get; } = [];
        internal int Renamed { get; set; }
        internal int Restored { get; set; }
        internal int Retired { get; set; }
        internal int VillagesRetired { get; set; }
        internal int Unchanged { get; set; }
        internal int Rows { get; init; }

        public List<string> Problems { get; } = [];
        public PlanView View { get; internal set; } = null!;
        public bool NeedsConfirmation => View.Reasons.Count > 0;
    }

    sealed record Existing(string Name, AreaLevel Level, AreaKind Kind, bool IsGenerated, DateOnly? ValidTo);

    /// <summary>
    /// Parses the files (and the mapping), plans, and applies the plan unless it needs a confirmation
    /// that <paramref name="confirmed"/> does not give: <see cref="ConfirmAnything"/>, or the
    /// fingerprint of the very plan the user saw (a plan that changed since asks again).
    /// </summary>
    public async Task<Outcome> RunAsync(IReadOnlyDictionary<string, Stream> files, byte[]? mapping = null, string? confirmed = null,
        Progress? progress = null, CancellationToken ct = default)
    {
        progress?.Invoke("parse", 0, 3);
        var parsed = DivisionList.Parse(files);
        var problems = parsed.Problems.ToList();
        List<CodeMapping.Pair> pairs = [];
        if (mapping is not null)
        {
            (pairs, var mappingProblems) = CodeMapping.Parse(mapping);
            problems.AddRange(mappingProblems);
        }
        if (problems.Count > 0) return new Outcome(null, null, problems.Select(p => p.Message).ToList(), parsed.Notes, problems.Count(p => p.Line is not null));

        progress?.Invoke("plan", 1, 3);
        var plan = await PlanAsync(parsed.Rows, pairs, ct);
        if (plan.Problems.Count > 0) return new Outcome(null, null, plan.Problems, parsed.Notes);
        if (plan.NeedsConfirmation && confirmed != ConfirmAnything && confirmed != plan.View.Fingerprint)
            return new Outcome(null, plan.View, [], parsed.Notes);

        progress?.Invoke("save", 2, 3);
        return new Outcome(await ApplyAsync(plan, ct), null, [], parsed.Notes);
    }

    /// <summary>Plans and applies rows without asking (the demo and the benchmark, which load known lists).</summary>
    public async Task<Summary> ImportAsync(IReadOnlyList<DivisionList.Row> rows, CancellationToken ct = default)
    {
        var plan = await PlanAsync(rows, [], ct);
        if (plan.Problems.Count > 0) throw new InvalidOperationException(string.Join("; ", plan.Problems));
        return await ApplyAsync(plan, ct);
    }

    static void RequireSystemScope(AppDb db)
    {
        if (!db.Actor.Scope.All) throw new InvalidOperationException("The division import is a platform-wide action: it runs only for an actor with the whole country in scope.");
    }

    /// <summary>Compares the rows with the database and checks the mapping; reads only, in no transaction.</summary>
    public async Task<Plan> PlanAsync(IReadOnlyList<DivisionList.Row> rows, IReadOnlyList<CodeMapping.Pair> pairs, CancellationToken ct = default)
    {
        RequireSystemScope(db);
        var pairsMostSpecificFirst = pairs.OrderByDescending(p => p.OldPrefix.Length).ThenBy(p => p.Old12, StringComparer.Ordinal).ToList();
        var plan = new Plan { Rows = rows.Count, Pairs = pairsMostSpecificFirst };
        var areas = db.Areas.IgnoreQueryFilters().AsNoTracking();
        var existing = (await areas.Where(a => a.Level != AreaLevel.Village)
                .Select(a => new { a.Code, a.Name, a.Level, a.Kind, a.IsGenerated, a.ValidTo }).ToListAsync(ct))
            .ToDictionary(a => a.Code, a => new Existing(a.Name, a.Level, a.Kind, a.IsGenerated, a.ValidTo));
        var incoming = rows.ToDictionary(r => r.Code12);
        var provinces = rows.Select(r => r.Code12[..2]).ToHashSet();
        var renamedSample = new List<Change>();

        foreach (var r in rows)
        {
            var kind = AreaCode.LevelOf(r.Code12) == AreaLevel.Township ? AreaCode.TownshipKind(r.Code12, r.Name) : AreaKind.Other;
            if (!existing.TryGetValue(r.Code12, out var e))
            {
                plan.Added.Add(r);
                continue;
            }
            if (e.ValidTo is not null) plan.Restored++;
            else if (e.Name != r.Name)
            {
                plan.Renamed++;
                if (renamedSample.Count < Sample) renamedSample.Add(new Change(r.Code12, e.Name, r.Name));
            }
            else if (e.Kind == kind && !e.IsGenerated)
            {
                plan.Unchanged++;
                continue;
            }
            else plan.Unchanged++; // only its kind or generated mark is corrected
            plan.Updates.Add((r, kind));
        }

        // What vanishes: current areas of the covered provinces that the list no longer has, generated ones included.
        var vanished = existing.Where(e => e.Value.ValidTo is null && provinces.Contains(e.Key[..2]) && !incoming.ContainsKey(e.Key))
            .Select(e => e.Key).OrderBy(c => c, StringComparer.Ordinal).ToList();
        var vanishedSet = vanished.ToHashSet();
        plan.Retired = vanished.Count;
        plan.RetireCodes.AddRange(vanished);
        var currentAreas = existing.Count(e => e.Value.ValidTo is null && provinces.Contains(e.Key[..2]));

        // The topmost vanishing area above (or at) a code, if any: villages and records vanish with it.
        string? VanishingAncestor(string code12)
        {
            foreach (var length in (int[])[2, 4, 6, 9, 12])
            {
                var prefix = code12[..length].PadRight(AreaCode.Length, '0');
                if (vanishedSet.Contains(prefix)) return prefix;
                if (prefix == code12) break;
            }
            return null;
        }

        // Villages are not in the list: they vanish with their township, and follow a mapping to its new code.
        var villages = new List<string>();
        foreach (var province in provinces)
        {
            var (low, high) = AreaCode.Range(province.PadRight(AreaCode.Length, '0'));
            villages.AddRange(await areas.Where(a => a.Level == AreaLevel.Village && a.ValidTo == null)
                .WithinArea(a => a.Code, low, high).Select(a => a.Code).ToListAsync(ct));
        }
        var villagesAfter = new HashSet<string>();
        foreach (var v in villages)
        {
            if (VanishingAncestor(v) is null)
            {
                villagesAfter.Add(v);
                continue;
            }
            plan.RetireCodes.Add(v);
            plan.VillagesRetired++;
            if (CodeMapping.Map(pairsMostSpecificFirst, v) is { } moved) plan.VillageMoves.Add((v, moved));
        }

        CheckMapping(plan, pairsMostSpecificFirst, existing, vanishedSet, incoming);
        foreach (var (_, newCode) in plan.VillageMoves)
            if (!incoming.ContainsKey(AreaCode.ParentOf(newCode)!))
            {
                plan.Problems.Add(Lang.T($"{CodeMapping.FileName}：按对照表，村（社区）将移到 {newCode}，但其上级乡镇 {newCode[..9]} 不在导入的区划中，请补充乡镇一级的对照",
                    $"{CodeMapping.FileName}: the mapping moves a village to {newCode}, whose township {newCode[..9]} is not in the list; add a township-level pair"));
                break;
            }
            else villagesAfter.Add(newCode);

        var hanging = await HangingAsync(provinces, VanishingAncestor, pairsMostSpecificFirst, existing, incoming, villagesAfter, plan.Problems, ct);

        var threshold = options.Value.Threshold(currentAreas);
        var reasons = new List<string>();
        if (plan.Retired + plan.Renamed > threshold)
            reasons.Add(Lang.T($"本次导入将撤销 {plan.Retired} 个、更名 {plan.Renamed} 个区划，超过所涉省份现有 {currentAreas} 个区划的 {options.Value.ConfirmPercent}%（{threshold} 个）。文件不完整（例如只保存了一部分行）时请不要确认。",
                $"This import would retire {plan.Retired} and rename {plan.Renamed} areas: more than {options.Value.ConfirmPercent}% ({threshold}) of the {currentAreas} current areas of the provinces it covers. Do not confirm if a file is incomplete (only part of its rows saved)."));
        var stays = hanging.Sum(h => h.Stays);
        if (stays > 0)
            reasons.Add(Lang.T($"有 {stays} 条记录（社工站、角色、用户等）挂在将被撤销的区划上，且对照表没有给出它们的新代码。确认后它们将留在已撤销的代码上；若区划只是改了代码，请上传新旧代码对照表。",
                $"{stays} record(s) (stations, roles, users…) sit on areas that would be retired, and no mapping gives their new codes. If confirmed they stay on the retired codes; if the places were only re-coded, upload an old → new code mapping."));

        plan.View = new PlanView(rows.Count, plan.Added.Count, plan.Renamed, plan.Restored, plan.Retired, plan.VillagesRetired, plan.Unchanged,
            currentAreas, threshold,
            vanished.Take(Sample).Select(c => new Change(c, existing[c].Name)).ToList(), renamedSample, hanging.Take(Sample).ToList(), hanging.Count, stays, reasons,
            Fingerprint(plan, vanished, pairsMostSpecificFirst));
        return plan;
    }

    /// <summary>Each pair's old code must vanish in this import and its new code be in the list.</summary>
    static void CheckMapping(Plan plan, List<CodeMapping.Pair> pairs, Dictionary<string, Existing> existing, HashSet<string> vanished,
        Dictionary<string, DivisionList.Row> incoming)
    {
        foreach (var p in pairs.OrderBy(p => p.Line))
        {
            var (oldShown, newShown) = (p.OldPrefix, p.NewPrefix);
            string Line(string zh, string en) => Lang.T($"{CodeMapping.FileName} 第 {p.Line} 行：{zh}", $"{CodeMapping.FileName} line {p.Line}: {en}");
            if (AreaCode.LevelOf(p.Old12) != AreaLevel.Village)
            {
                if (!vanished.Contains(p.Old12))
                    plan.Problems.Add(existing.TryGetValue(p.Old12, out var e) && e.ValidTo is null
                        ? Line($"旧代码 {oldShown}（{e.Name}）在导入的区划中仍然存在，不会被撤销，不能对照到新代码", $"the old code {oldShown} ({e.Name}) is still in the list: it is not retired, so it cannot be mapped")
                        : Line($"旧代码 {oldShown} 不是现有的区划", $"the old code {oldShown} is not a current area"));
                if (!incoming.ContainsKey(p.New12))
                    plan.Problems.Add(Line($"新代码 {newShown} 不在导入的区划中", $"the new code {newShown} is not in the list"));
            }
            else if (!incoming.ContainsKey(AreaCode.ParentOf(p.New12)!))
                plan.Problems.Add(Line($"新代码 {newShown} 的上级乡镇不在导入的区划中", $"the township of the new code {newShown} is not in the list"));
            if (plan.Problems.Count >= DivisionList.MaxProblems) return;
        }
    }

    /// <summary>
    /// Every record on a vanishing code, grouped by the topmost vanishing area: stations and every other
    /// <see cref="IAreaScoped"/> entity of the model, role assignments, users' home areas. A record
    /// mapped to a code that will not exist is a problem of the mapping.
    /// </summary>
    async Task<List<Hanging>> HangingAsync(HashSet<string> provinces, Func<string, string?> vanishingAncestor, List<CodeMapping.Pair> pairs,
        Dictionary<string, Existing> existing, Dictionary<string, DivisionList.Row> incoming, HashSet<string> villagesAfter, List<string> problems,
        CancellationToken ct)
    {
        var counts = new List<(string Kind, string Code, int Count)>();
        foreach (var province in provinces)
        {
            var (low, high) = AreaCode.Range(province.PadRight(AreaCode.Length, '0'));
            foreach (var type in ScopedTypes(db))
                foreach (var (code, count) in await (Task<List<(string, int)>>)CountMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, low, high, ct])!)
                    counts.Add((type.ClrType.Name, code, count));
            foreach (var g in await db.RoleAssignments.AsNoTracking().WithinArea(a => a.AreaCode, low, high)
                         .GroupBy(a => a.AreaCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                counts.Add((nameof(RoleAssignment), g.Key, g.Count));
            foreach (var g in await db.Users.AsNoTracking().WithinArea(u => u.HomeAreaCode, low, high)
                         .GroupBy(u => u.HomeAreaCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                counts.Add((nameof(User), g.Key, g.Count));
        }

        var groups = new Dictionary<string, (Dictionary<string, int> Kinds, int Moved, int Stays)>();
        var unknownTargets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (kind, code, count) in counts)
        {
            if (vanishingAncestor(code) is not { } top) continue;
            if (!groups.TryGetValue(top, out var g)) groups[top] = g = (new Dictionary<string, int>(), 0, 0);
            g.Kinds[kind] = g.Kinds.GetValueOrDefault(kind) + count;
            if (CodeMapping.Map(pairs, code) is { } target)
            {
                g.Moved += count;
                if (!incoming.ContainsKey(target) && !villagesAfter.Contains(target)) unknownTargets.Add(target);
            }
            else g.Stays += count;
            groups[top] = g;
        }
        foreach (var target in unknownTargets.Take(20))
            problems.Add(Lang.T($"{CodeMapping.FileName}：按对照表，记录将移到 {AreaCode.Prefix(target)}，但导入后没有这个区划，请补充它的对照",
                $"{CodeMapping.FileName}: the mapping moves records to {AreaCode.Prefix(target)}, which will not exist after the import; add a pair for it"));

        return groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var movesTo = CodeMapping.Map(pairs, g.Key);
            return new Hanging(g.Key, existing.TryGetValue(g.Key, out var e) ? e.Name : g.Key, movesTo,
                movesTo is not null && incoming.TryGetValue(movesTo, out var row) ? row.Name : null, g.Value.Moved, g.Value.Stays,
                g.Value.Kinds.OrderBy(k => KindOrder(k.Key)).Select(k => new RecordCount(k.Key, RecordLabel(k.Key), k.Value)).ToList());
        }).ToList();
    }

    static int KindOrder(string kind) => kind switch { "Station" => 0, nameof(RoleAssignment) => 1, nameof(User) => 2, _ => 3 };

    /// <summary>What a kind of record is called on the import page.</summary>
    public static string RecordLabel(string kind) => kind switch
    {
        "Station" => Lang.T("社工站", "Stations"),
        "StationStaff" => Lang.T("社工站人员", "Station staff"),
        "ServicePurchase" => Lang.T("购买服务合同", "Service contracts"),
        "StandardCheck" => Lang.T("五有五统一检查记录", "Standard checks"),
        "Supervision" => Lang.T("督导记录", "Supervisions"),
        "RatingRound" => Lang.T("评星轮次", "Rating rounds"),
        "StationRating" => Lang.T("评星记录", "Station ratings"),
        "StoredFile" => Lang.T("附件", "Files"),
        nameof(RoleAssignment) => Lang.T("用户角色", "Role assignments"),
        nameof(User) => Lang.T("用户所属区划", "Users' home areas"),
        _ => kind,
    };

    /// <summary>Every area-scoped entity of the model but the areas themselves: what a re-coding moves.</summary>
    static IEnumerable<IEntityType> ScopedTypes(AppDb db) => db.Model.GetEntityTypes()
        .Where(e => typeof(IAreaScoped).IsAssignableFrom(e.ClrType) && e.ClrType != typeof(Area) && e.BaseType is null && !e.IsOwned()
            && e.FindProperty(nameof(IAreaScoped.AreaCode)) is not null);

    static readonly MethodInfo CountMethod = typeof(DivisionImport).GetMethod(nameof(CountByAreaAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    static readonly MethodInfo MoveMethod = typeof(DivisionImport).GetMethod(nameof(MoveAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    static async Task<List<(string, int)>> CountByAreaAsync<T>(AppDb db, string low, string high, CancellationToken ct) where T : class =>
        (await db.Set<T>().IgnoreQueryFilters().AsNoTracking()
            .WithinArea(e => EF.Property<string>(e, nameof(IAreaScoped.AreaCode)), low, high)
            .GroupBy(e => EF.Property<string>(e, nameof(IAreaScoped.AreaCode)))
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(g => (g.Key, g.Count)).ToList();

    /// <summary>Moves every record of a type under the old prefix to the same place under the new one: one statement.</summary>
    static Task<int> MoveAsync<T>(AppDb db, CodeMapping.Pair pair, CancellationToken ct) where T : class
    {
        var (low, high) = AreaCode.Range(pair.Old12);
        var (prefix, cut) = (pair.NewPrefix, pair.OldPrefix.Length);
#pragma warning disable CA1845 // Substring is what EF translates to SQL here; a span cannot be.
        return db.Set<T>().IgnoreQueryFilters()
            .WithinArea(e => EF.Property<string>(e, nameof(IAreaScoped.AreaCode)), low, high)
            .ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<string>(e, nameof(IAreaScoped.AreaCode)), e => prefix + EF.Property<string>(e, nameof(IAreaScoped.AreaCode)).Substring(cut)), ct);
#pragma warning restore CA1845
    }

    /// <summary>
    /// Inserts new areas and updates renamed ones with plain parameterised statements built from the
    /// model's mapping (table, columns, value conversions), not through the change tracker: EF's batches
    /// bind thousands of named parameters per statement, which SQLite resolves one by one (quadratic);
    /// that held the write lock for many seconds over the whole country.
    /// </summary>
    async Task WriteAreasAsync(IReadOnlyList<Area> inserts, IReadOnlyList<Area> updates, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(Area))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var name = sql.DelimitIdentifier(table.Name, table.Schema);

        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        await ForEachRowAsync(p => $"INSERT INTO {name} ({string.Join(", ", columns.Select(Column))}) VALUES ({string.Join(", ", columns.Select((_, i) => p(i)))})",
            columns, inserts, ct);

        // A renamed, restored or re-kinded area: name, kind, no longer generated, current again.
        IProperty[] set = [entity.FindProperty(nameof(Area.Name))!, entity.FindProperty(nameof(Area.Kind))!, entity.FindProperty(nameof(Area.IsGenerated))!, entity.FindProperty(nameof(Area.Code))!];
        var validTo = Column(entity.FindProperty(nameof(Area.ValidTo))!);
        await ForEachRowAsync(p => $"UPDATE {name} SET {Column(set[0])} = {p(0)}, {Column(set[1])} = {p(1)}, {Column(set[2])} = {p(2)}, {validTo} = NULL WHERE {Column(set[3])} = {p(3)}",
            set, updates, ct);
    }

    /// <summary>
    /// Runs one statement per row in the current transaction: SQLite re-executes one prepared statement
    /// with the row's values; other providers get 100 statements per round trip.
    /// </summary>
    async Task ForEachRowAsync(Func<Func<int, string>, string> statement, IReadOnlyList<IProperty> parameters, IReadOnlyList<Area> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var sql = db.GetService<ISqlGenerationHelper>();
        var mappings = parameters.Select(p => p.GetRelationalTypeMapping()).ToList();
        object Value(int i, Area row) => parameters[i].GetGetter().GetClrValue(row) is { } v ? mappings[i].Converter is { } c ? c.ConvertToProvider(v) ?? DBNull.Value : v : DBNull.Value;
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var perCommand = db.Database.IsSqlite() ? 1 : 100;
        foreach (var chunk in rows.Chunk(perCommand))
        {
            if (cmd.Parameters.Count != chunk.Length * parameters.Count)
            {
                cmd.Parameters.Clear();
                for (var r = 0; r < chunk.Length; r++)
                    for (var i = 0; i < parameters.Count; i++)
                        cmd.Parameters.Add(mappings[i].CreateParameter(cmd, sql.GenerateParameterName($"p{r * parameters.Count + i}"), null, nullable: true));
#pragma warning disable CA2100 // Identifiers come from the model; values are parameters.
                cmd.CommandText = string.Join(";\n", Enumerable.Range(0, chunk.Length).Select(r => statement(i => sql.GenerateParameterNamePlaceholder($"p{r * parameters.Count + i}"))));
#pragma warning restore CA2100
            }
            for (var r = 0; r < chunk.Length; r++)
                for (var i = 0; i < parameters.Count; i++)
                    cmd.Parameters[r * parameters.Count + i].Value = Value(i, chunk[r]);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A digest of what the plan changes: a confirmation holds for this plan only.</summary>
    static string Fingerprint(Plan plan, List<string> vanished, List<CodeMapping.Pair> pairs)
    {
        var text = new StringBuilder();
        text.Append(plan.Added.Count).Append('|').Append(plan.Renamed).Append('|').Append(plan.Restored).Append('|').Append(plan.VillagesRetired).Append('|');
        foreach (var (row, kind) in plan.Updates) text.Append(row.Code12).Append('=').Append(row.Name).Append((int)kind).Append(';');
        foreach (var c in vanished) text.Append(c).Append(';');
        foreach (var p in pairs) text.Append(p.Old12).Append('>').Append(p.New12).Append(';');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>Writes the plan: everything is prepared first, then one short transaction writes only the changes.</summary>
    public async Task<Summary> ApplyAsync(Plan plan, CancellationToken ct = default)
    {
        RequireSystemScope(db);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();

        // Prepared outside the transaction: new areas, the tracked areas to update, the records that move.
        var added = plan.Added.Select(r => new Area(r.Code12, r.Name,
            AreaCode.LevelOf(r.Code12) == AreaLevel.Township ? AreaCode.TownshipKind(r.Code12, r.Name) : AreaKind.Other, isGenerated: false, today)).ToList();
        var refreshed = new List<Area>();
        foreach (var batch in plan.Updates.Chunk(Batch))
        {
            var codes = batch.Select(u => u.Row.Code12).ToArray();
            var found = await db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, ct);
            foreach (var (row, kind) in batch)
            {
                var area = found[row.Code12];
                area.Refresh(row.Name, kind);
                refreshed.Add(area);
            }
        }
        var movedVillages = new List<Area>();
        var villageTargets = plan.VillageMoves.ToDictionary(m => m.Old, m => m.New);
        foreach (var batch in villageTargets.Keys.Chunk(Batch))
            foreach (var v in await db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => batch.Contains(a.Code)).ToListAsync(ct))
                movedVillages.Add(new Area(villageTargets[v.Code], v.Name, v.Kind, v.IsGenerated, today));
        var movedVillageCodes = movedVillages.Select(v => v.Code).ToList();
        var existingTargets = new HashSet<string>();
        foreach (var batch in movedVillageCodes.Chunk(Batch))
            existingTargets.UnionWith(await db.Areas.IgnoreQueryFilters().Where(a => batch.Contains(a.Code)).Select(a => a.Code).ToListAsync(ct));
        var revived = new List<string>();
        foreach (var v in movedVillages.Where(v => existingTargets.Contains(v.Code)).ToList())
        {
            // The target village exists already (an earlier import, a mapping back): make it current, do not add it twice.
            movedVillages.Remove(v);
            revived.Add(v.Code);
        }
        var roles = new List<RoleAssignment>();
        var homes = new List<User>();
        foreach (var pair in plan.Pairs)
        {
            var (low, high) = AreaCode.Range(pair.Old12);
            roles.AddRange(await db.RoleAssignments.WithinArea(a => a.AreaCode, low, high).ToListAsync(ct));
            homes.AddRange(await db.Users.WithinArea(u => u.HomeAreaCode, low, high).ToListAsync(ct));
        }
        roles = roles.DistinctBy(r => r.Id).ToList();
        var roleUsers = roles.Select(r => r.UserId).Distinct().ToList();
        var users = homes.DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        foreach (var batch in roleUsers.Where(id => !users.ContainsKey(id)).Chunk(Batch))
            foreach (var u in await db.Users.Where(u => batch.Contains(u.Id)).ToListAsync(ct))
                users[u.Id] = u;
        var otherRoles = new HashSet<(Guid, Role, string)>();
        foreach (var batch in roleUsers.Chunk(Batch))
            otherRoles.UnionWith((await db.RoleAssignments.AsNoTracking().Where(a => batch.Contains(a.UserId)).Select(a => new { a.UserId, a.Role, a.AreaCode }).ToListAsync(ct))
                .Select(a => (a.UserId, a.Role, a.AreaCode)));

        var watch = Stopwatch.StartNew();
        int moved = 0, retired = 0;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.SuppressEntityAudit = true;
            try
            {
                await WriteAreasAsync([.. added, .. movedVillages], refreshed, ct);

                foreach (var batch in plan.RetireCodes.Chunk(Batch))
                    retired += await db.Areas.IgnoreQueryFilters().Where(a => a.ValidTo == null && batch.Contains(a.Code))
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.ValidTo, today), ct);
                foreach (var batch in revived.Chunk(Batch))
                    await db.Areas.IgnoreQueryFilters().Where(a => batch.Contains(a.Code)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ValidTo, (DateOnly?)null), ct);

                var audits = new List<AuditRecord>();
                foreach (var pair in plan.Pairs)
                    foreach (var type in ScopedTypes(db))
                    {
                        var n = await (Task<int>)MoveMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, pair, ct])!;
                        if (n == 0) continue;
                        moved += n;
                        audits.Add(new AuditRecord(now, db.Actor, AuditAction.Update, type.ClrType.Name, $"{pair.OldPrefix}→{pair.NewPrefix}", nameof(IAreaScoped.AreaCode),
                            areaCode: pair.New12, reason: $"division import: {n} record(s) moved from {pair.OldPrefix} to {pair.NewPrefix}"));
                    }

                // Roles and home areas move entity by entity, each audited; a new stamp makes sessions sign in afresh.
                db.SuppressEntityAudit = false;
                db.AttachRange(roles);
                db.AttachRange(users.Values);
                foreach (var r in roles)
                {
                    var target = CodeMapping.Map(plan.Pairs, r.AreaCode)!;
                    db.RoleAssignments.Remove(r);
                    if (otherRoles.Add((r.UserId, r.Role, target))) db.RoleAssignments.Add(new RoleAssignment(r.UserId, r.Role, target, r.OrganizationId));
                    moved++;
                }
                foreach (var u in users.Values)
                {
                    if (CodeMapping.Map(plan.Pairs, u.HomeAreaCode) is { } home)
                    {
                        u.MoveHome(home);
                        moved++;
                    }
                    SecurityStamps.Renew(u);
                }
                audits.Add(new AuditRecord(now, db.Actor, AuditAction.Import, nameof(Area), "divisions",
                    $"rows={plan.Rows},added={added.Count},renamed={plan.Renamed},retired={plan.Retired},restored={plan.Restored},villagesRetired={plan.VillagesRetired},moved={moved}"));
                db.AuditRecords.AddRange(audits);
                await db.SaveChangesAsync(ct);
                // Roll-ups keyed by area follow the records they count.
                if (moved > 0) foreach (var rollUp in rollUps) await rollUp.RebuildAsync(db, ct);
                await tx.CommitAsync(ct);
            }
            finally
            {
                db.SuppressEntityAudit = false;
                db.ChangeTracker.Clear();
            }
        }
        watch.Stop();
        if (log.IsEnabled(LogLevel.Information))
            log.LogInformation("Division import wrote {Added} added, {Renamed} renamed, {Restored} restored, {Retired} retired areas and moved {Moved} records in a transaction of {Milliseconds} ms",
                added.Count, plan.Renamed, plan.Restored, retired, moved, watch.ElapsedMilliseconds);
        return new Summary(plan.Rows, added.Count, plan.Renamed, plan.Restored, plan.Retired, plan.VillagesRetired, plan.Unchanged, moved,
            Math.Round(watch.Elapsed.TotalSeconds, 3));
    }
}
