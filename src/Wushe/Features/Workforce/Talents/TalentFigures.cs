using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Talents;

/// <summary>
/// 新增社会工作人才: the figure of a <see cref="TalentDefinition"/> counted from the register of its area (or of a child area asked for):
/// the people (<see cref="SocialWorker"/>, any status) who in the period first obtained a qualification (<see cref="Qualification"/>, none
/// earlier), took up social work (<see cref="SocialWorker.StartedOn"/>), or first attended a platform training (an
/// <see cref="EducationRecord"/> of <see cref="EducationSource.Training"/>, none earlier) — as the definition includes them —, each person
/// once. Given with each part's own count (a person may be in several, so the parts may add up to more), by child area, and the
/// definition in words. A definition of an area above the user's is read for the user's own area. Failures: 404 for a definition or
/// area outside the scope; 400 naming <c>area</c> for an area outside the
/// definition's.
/// </summary>
public static class TalentFigures
{
    public sealed record Parts(int Total, int? Qualified, int? Employed, int? Trained);

    public sealed record AreaFigure(string Code, string Name, Parts Figure);

    /// <param name="To">The period's last day: the definition's, or today (China date) for one that runs to date.</param>
    public sealed record Report(Guid Id, string Name, string AreaCode, string AreaName, DateOnly From, DateOnly To, bool ToDate, string Definition,
        Parts Total, IReadOnlyList<AreaFigure> Children, string Sentence);

    /// <summary>The definition in words, printed beside the figure (and in exports): period, what counts, one count a person, the note.</summary>
    public static string Definition(TalentDefinition d, DateOnly today)
    {
        var parts = new List<string>();
        if (d.NewlyQualified) parts.Add(Lang.T("首次取得社会工作者职业资格", "first obtained a social-work qualification"));
        if (d.NewlyEmployed) parts.Add(Lang.T("新从事社会工作（名册所载起始日期在期内）", "took up social work (the register's start date in the period)"));
        if (d.NewlyTrained) parts.Add(Lang.T("首次参加平台登记的培训", "first attended a training on the platform"));
        var period = d.To is { } to
            ? Lang.T($"{d.From:yyyy年M月d日}至{to:yyyy年M月d日}", $"from {d.From:yyyy-MM-dd} to {to:yyyy-MM-dd}")
            : Lang.T($"{d.From:yyyy年M月d日}至今（{today:yyyy年M月d日}）", $"from {d.From:yyyy-MM-dd} to date ({today:yyyy-MM-dd})");
        var text = Lang.T($"{period}，社工名册中{string.Join("、或", parts)}的人员，每人只计一次。",
            $"People of the social-work register who, {period}, {string.Join(", or ", parts)}; each person counted once.");
        return d.Note.Length > 0 ? text + Lang.T($"说明：{d.Note}", $" Note: {d.Note}") : text;
    }

    public static async Task<Result<Report>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, string? area = null, CancellationToken ct = default)
    {
        // A definition of the scope, or one of an area above it that covers the user's area (read for the user's area).
        if (await db.Set<TalentDefinition>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } d)
            return Failure.NotFound();
        var own = user.Scope.Covers(d.AreaCode);
        if (!own && !(user.Active is { } active && AreaCode.Covers(d.AreaCode, active.AreaCode))) return Failure.NotFound();
        if (!string.IsNullOrWhiteSpace(area) && AreaCode.Check(area) is { } problem) return Failure.Invalid("area", problem);
        var code = AreaCode.Normalize(area) ?? (own ? d.AreaCode : user.Active!.AreaCode);
        if (!user.Scope.Covers(code)) return Failure.NotFound();
        if (!AreaCode.Covers(d.AreaCode, code))
            return Failure.Invalid("area", Lang.T("所选区划不在该统计口径的地区内", "The area is not within the definition's area"));
        var today = ChinaTime.Today(clock);
        var (from, to) = (d.From, d.To ?? today);
        var children = AreaCode.LevelOf(code) >= AreaLevel.Township ? []
            : await db.Areas.AsNoTracking().Where(a => a.ParentCode == code && a.ValidTo == null).OrderBy(a => a.Code).Select(a => a.Code).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, children.Append(code), ct);

        // Per area of the register (a few hundred codes at most in a city), then rolled up to the child areas in memory.
        var workers = db.Set<SocialWorker>().AsNoTracking().Under(code);
        var firstQualified = db.Set<Qualification>().GroupBy(q => q.SocialWorkerId).Where(g => g.Min(q => q.ObtainedOn) >= from && g.Min(q => q.ObtainedOn) <= to).Select(g => g.Key);
        var firstTrained = db.Set<EducationRecord>().Where(e => e.Source == EducationSource.Training).GroupBy(e => e.SocialWorkerId)
            .Where(g => g.Min(e => e.On) >= from && g.Min(e => e.On) <= to).Select(g => g.Key);
        var (q, e, t) = (d.NewlyQualified, d.NewlyEmployed, d.NewlyTrained);
        var union = await ByArea(workers.Where(w => (q && firstQualified.Contains(w.Id)) || (e && w.StartedOn >= from && w.StartedOn <= to) || (t && firstTrained.Contains(w.Id))), ct);
        var qualified = q ? await ByArea(workers.Where(w => firstQualified.Contains(w.Id)), ct) : null;
        var employed = e ? await ByArea(workers.Where(w => w.StartedOn >= from && w.StartedOn <= to), ct) : null;
        var trained = t ? await ByArea(workers.Where(w => firstTrained.Contains(w.Id)), ct) : null;

        Parts Of(string prefixOf)
        {
            var prefix = AreaCode.Prefix(prefixOf);
            int Sum(Dictionary<string, int> counts) => counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);
            return new Parts(Sum(union), qualified is null ? null : Sum(qualified), employed is null ? null : Sum(employed), trained is null ? null : Sum(trained));
        }
        var total = Of(code);
        var areaName = names.GetValueOrDefault(code, code);
        var rows = children.Select(c => new AreaFigure(c, names.GetValueOrDefault(c, c), Of(c))).ToList();
        var sentence = Lang.T($"{areaName}{(d.To is null ? "截至目前" : $"{from:yyyy年M月d日}至{to:yyyy年M月d日}")}{d.Name}{total.Total}人（口径见说明）。",
            $"{areaName}: {d.Name}, {total.Total} people {(d.To is null ? "to date" : $"from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}")} (as defined).");
        return new Report(d.Id, d.Name, code, areaName, from, to, d.To is null, Definition(d, today), total, rows, sentence);
    }

    static async Task<Dictionary<string, int>> ByArea(IQueryable<SocialWorker> workers, CancellationToken ct) =>
        await workers.GroupBy(w => w.AreaCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
