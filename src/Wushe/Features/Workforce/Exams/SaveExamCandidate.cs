using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Workforce.Exams;

/// <summary>
/// 录入考试成绩 (bureau): one candidate's sitting of a level in a year — the person by name and resident ID (one social worker per ID:
/// found on the register, or added to it under the exam area), the exam area (a county, city or province of the scope), the scores of
/// the level's subjects (0–100, empty = not registered or absent) and, for the senior level, the review. The results are computed
/// (<see cref="ExamRules"/>), with the person's other sittings of the level (the roll). A person's sitting of a level and year is
/// entered once: a second is a 409 naming idNumber (correct the first: <see cref="CorrectExamScores"/>).
/// </summary>
public static class SaveExamCandidate
{
    public sealed record Request
    {
        [Label("考试年度", "Year")] public int? Year { get; init; }
        [Label("级别", "Level")] public SocialWorkLevel? Level { get; init; }
        [Label("姓名", "Name")] public string? Name { get; init; }
        [Label("身份证号码", "ID number")] public string? IdNumber { get; init; }
        [Label("报考地区", "Exam area")] public string? AreaCode { get; init; }
        [Label("科目1成绩", "Subject 1 score")] public int? Score1 { get; init; }
        [Label("科目2成绩", "Subject 2 score")] public int? Score2 { get; init; }
        [Label("科目3成绩", "Subject 3 score")] public int? Score3 { get; init; }
        [Label("评审结果", "Review passed")] public bool? ReviewPassed { get; init; }
    }

    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors().PersonName("name", r.Name, 2, 30);
        errors.Add("idNumber", ResidentId.Check(r.IdNumber, today));
        errors.Add("year", YearProblem(r.Year, today));
        if (r.Level is not { } level || !Enum.IsDefined(level)) errors.Add("level", Lang.T("请选择级别", "Please choose the level"));
        else ScoreProblems(errors, level, r.Score1, r.Score2, r.Score3, r.ReviewPassed);
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择报考地区", "Please choose the exam area"));
        else errors.Add("areaCode", AreaCode.Check(r.AreaCode));
        return errors;
    }

    public static string? YearProblem(int? year, DateOnly today) =>
        year is not { } y ? Lang.T("请填写考试年度", "Please give the year")
        : y < ExamRules.FirstYear || y > today.Year ? Lang.T($"考试年度应在 {ExamRules.FirstYear} 至 {today.Year} 之间", $"The year is between {ExamRules.FirstYear} and {today.Year}")
        : null;

    /// <summary>The scores' and the review's rules for a level, added to <paramref name="errors"/>.</summary>
    public static void ScoreProblems(Errors errors, SocialWorkLevel level, int? s1, int? s2, int? s3, bool? review)
    {
        errors.Add("score1", ExamRules.ScoreProblem(level, 1, s1));
        errors.Add("score2", ExamRules.ScoreProblem(level, 2, s2));
        errors.Add("score3", ExamRules.ScoreProblem(level, 3, s3));
        if (review is not null && level != SocialWorkLevel.Senior)
            errors.Add("reviewPassed", Lang.T("只有高级社会工作师有评审结果", "Only the senior level has a review"));
    }

    /// <summary>The exam area: a current province, city or county of the scope; null with the problem named.</summary>
    public static async Task<string?> AreaAsync(AppDb db, string? code, Errors errors, string field, CancellationToken ct)
    {
        var normalized = AreaCode.Normalize(code);
        var ok = normalized is not null && AreaCode.LevelOf(normalized) <= AreaLevel.County
            && await db.Areas.AnyAsync(a => a.Code == normalized && a.ValidTo == null, ct);
        if (ok) return normalized;
        errors.Add(field, Lang.T("报考地区应为您管辖范围内的县（区）、市或省", "The exam area is a county, city or province of your area"));
        return null;
    }

    public static async Task<Result<ListExamCandidates.Row>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var errors = Validate(r, today);
        if (errors.Any) return errors.ToFailure();
        var area = await AreaAsync(db, r.AreaCode, errors, "areaCode", ct);
        if (area is null) return errors.ToFailure();
        var id = ResidentId.Normalize(r.IdNumber!);
        var hash = sealer.Hash(SensitiveKind.IdNumber, id);
        var now = clock.GetUtcNow();
        var byName = await Workers.NameAsync(db, user, ct);
        var workerId = await SocialWorkerForm.FindByIdAsync(db, hash, ct);
        var level = r.Level!.Value;
        var year = r.Year!.Value;
        if (workerId is { } wid && await db.Set<ExamCandidate>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(c => c.SocialWorkerId == wid && c.Level == level && c.Year == year, ct))
            return Failure.Duplicate("idNumber", Lang.T($"该考生 {year} 年{Qualification.LevelLabel(level)}的成绩已录入，请在列表中找到并修改",
                $"This candidate's {year} {Qualification.LevelLabel(level)} result is entered already: find it in the list and correct it"));

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var (wid2, masked) = workerId is { } existing
            ? (existing, await db.Set<SocialWorker>().IgnoreQueryFilters().Where(w => w.Id == existing).Select(w => w.IdNumber.Masked).FirstAsync(ct))
            : SocialWorkerForm.New(db, sealer, r.Name!, id, area, user.Id, byName, now) is var w ? (w.Id, w.IdNumber.Masked) : default;
        var candidate = new ExamCandidate(year, level, wid2, masked, area, r.Name!.Trim(), user.Id, byName, now);
        candidate.Score(area, r.Name!.Trim(), r.Score1, r.Score2, r.Score3, r.ReviewPassed);
        db.Add(candidate);
        await ExamResults.RecomputeAsync(db, [(wid2, level)], [candidate], ct);
        if (await db.SaveOrFindDuplicateAsync(ct) is not null)
            return Failure.Duplicate("idNumber", Lang.T("该考生的成绩或身份证号码刚刚被他人录入，请刷新后查看", "This candidate was entered by someone else just now: refresh and look"));
        if (tx is not null) await tx.CommitAsync(ct);
        return (await ListExamCandidates.RowsAsync(db, [candidate], ct))[0];
    }
}

/// <summary>
/// 修改考试成绩 (bureau): a candidate's scores and review corrected (the person, year and level stay; the exam area may be corrected
/// within the scope). The person's results of the level are computed again. Another area's candidate is 404; a stale version 409.
/// </summary>
public static class CorrectExamScores
{
    public sealed record Request
    {
        [Label("报考地区", "Exam area")] public string? AreaCode { get; init; }
        [Label("科目1成绩", "Subject 1 score")] public int? Score1 { get; init; }
        [Label("科目2成绩", "Subject 2 score")] public int? Score2 { get; init; }
        [Label("科目3成绩", "Subject 3 score")] public int? Score3 { get; init; }
        [Label("评审结果", "Review passed")] public bool? ReviewPassed { get; init; }
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        foreach (var (field, score) in new[] { ("score1", r.Score1), ("score2", r.Score2), ("score3", r.Score3) })
            if (score is < 0 or > 100) errors.Add(field, Lang.T("成绩应为 0 到 100 的整数", "A score is a whole number from 0 to 100"));
        if (!string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", AreaCode.Check(r.AreaCode));
        return errors;
    }

    public static async Task<Result<ListExamCandidates.Row>> Handle(AppDb db, Guid id, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (await db.Set<ExamCandidate>().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } candidate) return Failure.NotFound();
        SaveExamCandidate.ScoreProblems(errors, candidate.Level, r.Score1, r.Score2, r.Score3, r.ReviewPassed);
        var area = string.IsNullOrWhiteSpace(r.AreaCode) ? candidate.AreaCode : await SaveExamCandidate.AreaAsync(db, r.AreaCode, errors, "areaCode", ct);
        if (errors.Any || area is null) return errors.ToFailure();
        if (r.Version is { } v && v != candidate.Version)
            return Failure.Conflict(Lang.T("该成绩已被他人修改，请刷新后重试", "Someone else changed this result: refresh and try again"));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        candidate.Score(area, candidate.Name, r.Score1, r.Score2, r.Score3, r.ReviewPassed);
        await ExamResults.RecomputeAsync(db, [(candidate.SocialWorkerId, candidate.Level)], [candidate], ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict(Lang.T("该成绩已被他人修改，请刷新后重试", "Someone else changed this result: refresh and try again"));
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return (await ListExamCandidates.RowsAsync(db, [candidate], ct))[0];
    }
}
