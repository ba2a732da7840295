using Wushe.Data;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Workforce.Exams;

/// <summary>
/// 导出: the exam results as searched (<see cref="ListExamCandidates"/>: its rows, order and masked ID numbers), one row a candidate
/// and year with each subject's score, as an Excel file; the export audited (<see cref="ListExport"/>).
/// </summary>
public static class ExportExamCandidates
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListExamCandidates.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListExamCandidates.Handle(db, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) =>
        {
            var line = new Dictionary<string, object?>
            {
                [Lang.T("序号", "No.")] = i + 1,
                [Lang.T("考试年度", "Year")] = r.Year,
                [Lang.T("级别", "Level")] = r.LevelName,
                [Lang.T("姓名", "Name")] = r.Name,
                [Lang.T("身份证号码", "ID number")] = r.IdNumber,
                [Lang.T("报考地区", "Area")] = r.AreaName,
            };
            for (var s = 1; s <= 3; s++)
            {
                var subject = r.Subjects.FirstOrDefault(x => x.Number == s);
                line[Lang.T($"科目{s}", $"Subject {s}")] = subject?.Score;
            }
            line[Lang.T("评审", "Review")] = r.ReviewPassed switch { true => Lang.T("通过", "Passed"), false => Lang.T("未通过", "Not passed"), null => "" };
            line[Lang.T("是否参考", "Sat")] = r.Sat ? Lang.T("是", "Yes") : Lang.T("否", "No");
            line[Lang.T("是否通过", "Passed")] = r.Passed ? Lang.T("通过", "Passed") : Lang.T("未通过", "Not passed");
            line[Lang.T("取得资格", "Qualifies")] = r.Qualifies ? Lang.T("是", "Yes") : Lang.T("否", "No");
            return (IReadOnlyDictionary<string, object?>)line;
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "职业水平考试成绩", "Exam results", nameof(ExamCandidate), "list", q, ct);
    }
}
