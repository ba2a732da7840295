using Wushe.Platform.Localization;

namespace Wushe.Features.Workforce.Exams;

/// <summary>
/// The pass rules of the professional-level exam (社会工作者职业水平考试; DOMAIN.md, Social workers), pure:
/// <list type="bullet">
/// <item>A subject passes when its score reaches the line for the year, level, subject and the candidate's area: the line of the most
/// specific designated area covering the candidate's area (<see cref="LineFor"/>), else <see cref="DefaultMark"/>.</item>
/// <item>助理社会工作师 (assistant): both subjects in the same year.</item>
/// <item>社会工作师 (intermediate): all three within two consecutive years. A subject passed in year Y−1 rolls into Y, unless Y−1's passes
/// were used by a completion in Y−1; the level is achieved in Y when the subjects of {Y−1, Y} make all three with at least one passed in Y.
/// Only the year before rolls: a pass of Y−2 is gone.</item>
/// <item>高级社会工作师 (senior): the exam's one subject; the qualification needs the review (评审) too (<see cref="Qualifies"/>).</item>
/// <item>Sat (参考): at least one subject has a score.</item>
/// </list>
/// </summary>
public static class ExamRules
{
    /// <summary>The pass mark per subject where no designated area lowers it.</summary>
    public const int DefaultMark = 60;

    /// <summary>The first year of the national exam (2008): earlier years are refused.</summary>
    public const int FirstYear = 2008;

    public sealed record PassLine(int Year, SocialWorkLevel Level, int Subject, string AreaCode, int Mark);

    /// <summary>One year's sitting of a level by a person: the area and the scores.</summary>
    public sealed record Sitting(int Year, string AreaCode, int? Score1, int? Score2, int? Score3, bool? ReviewPassed);

    public readonly record struct Outcome(ExamSubjects Subjects, bool Sat, bool Passed);

    public static int SubjectCount(SocialWorkLevel level) => level switch
    {
        SocialWorkLevel.Assistant => 2,
        SocialWorkLevel.Intermediate => 3,
        _ => 1,
    };

    public static ExamSubjects All(SocialWorkLevel level) => (ExamSubjects)((1 << SubjectCount(level)) - 1);

    public static ExamSubjects Flag(int subject) => (ExamSubjects)(1 << (subject - 1));

    public static string SubjectName(SocialWorkLevel level, int subject) => (level, subject) switch
    {
        (SocialWorkLevel.Assistant, 1) => Lang.T("社会工作综合能力（初级）", "Comprehensive ability (junior)"),
        (SocialWorkLevel.Assistant, 2) => Lang.T("社会工作实务（初级）", "Practice (junior)"),
        (SocialWorkLevel.Intermediate, 1) => Lang.T("社会工作综合能力（中级）", "Comprehensive ability (intermediate)"),
        (SocialWorkLevel.Intermediate, 2) => Lang.T("社会工作实务（中级）", "Practice (intermediate)"),
        (SocialWorkLevel.Intermediate, 3) => Lang.T("社会工作法规与政策", "Laws and policies"),
        (SocialWorkLevel.Senior, 1) => Lang.T("高级社会工作实务", "Advanced practice"),
        _ => Lang.T($"科目{subject}", $"Subject {subject}"),
    };

    /// <summary>
    /// The line of a subject for a candidate of <paramref name="areaCode"/>: among <paramref name="lines"/> of the year, level and subject,
    /// the one of the most specific area covering the candidate's (a longer code prefix); <see cref="DefaultMark"/> when none does.
    /// </summary>
    public static int LineFor(IEnumerable<PassLine> lines, int year, SocialWorkLevel level, int subject, string areaCode)
    {
        PassLine? best = null;
        var bestLength = -1;
        foreach (var l in lines)
        {
            if (l.Year != year || l.Level != level || l.Subject != subject || !Platform.Areas.AreaCode.Covers(l.AreaCode, areaCode)) continue;
            var length = Platform.Areas.AreaCode.Prefix(l.AreaCode).Length;
            if (length > bestLength) { best = l; bestLength = length; }
        }
        return best?.Mark ?? DefaultMark;
    }

    static int? ScoreOf(Sitting s, int subject) => subject switch { 1 => s.Score1, 2 => s.Score2, 3 => s.Score3, _ => null };

    /// <summary>The subjects of one sitting that reach their lines.</summary>
    public static ExamSubjects PassedSubjects(SocialWorkLevel level, Sitting s, IReadOnlyCollection<PassLine> lines)
    {
        var passed = ExamSubjects.None;
        for (var subject = 1; subject <= SubjectCount(level); subject++)
            if (ScoreOf(s, subject) is { } score && score >= LineFor(lines, s.Year, level, subject, s.AreaCode)) passed |= Flag(subject);
        return passed;
    }

    public static bool HasSat(SocialWorkLevel level, Sitting s)
    {
        for (var subject = 1; subject <= SubjectCount(level); subject++)
            if (ScoreOf(s, subject) is not null) return true;
        return false;
    }

    /// <summary>
    /// The outcome of each of one person's sittings of one level (any order; at most one a year), in the order given: the subjects
    /// passed, whether they sat, whether the level was achieved that year (for the intermediate level by the two-year roll).
    /// </summary>
    public static Outcome[] Evaluate(SocialWorkLevel level, IReadOnlyList<Sitting> sittings, IReadOnlyCollection<PassLine> lines)
    {
        var outcomes = new Outcome[sittings.Count];
        var all = All(level);
        var carry = ExamSubjects.None;
        int? previous = null;
        foreach (var i in Enumerable.Range(0, sittings.Count).OrderBy(i => sittings[i].Year))
        {
            var s = sittings[i];
            var own = PassedSubjects(level, s, lines);
            var sat = HasSat(level, s);
            bool passed;
            if (level == SocialWorkLevel.Intermediate)
            {
                // Only the year just before rolls, and only passes a completion in that year did not use.
                var rolled = previous == s.Year - 1 ? carry : ExamSubjects.None;
                passed = own != ExamSubjects.None && (own | rolled) == all;
                carry = passed ? ExamSubjects.None : own;
            }
            else passed = own == all;
            previous = s.Year;
            outcomes[i] = new Outcome(own, sat, passed);
        }
        return outcomes;
    }

    /// <summary>Whether a year's result makes the level's qualification: the exam, and for the senior level the review as well.</summary>
    public static bool Qualifies(SocialWorkLevel level, bool passed, bool? reviewPassed) =>
        passed && (level != SocialWorkLevel.Senior || reviewPassed == true);

    /// <summary>通过率: passed ÷ sat as a percentage with one decimal (346 ÷ 1,338 = 25.9); none when nobody sat.</summary>
    public static decimal? Rate(int passed, int sat) =>
        sat == 0 ? null : Math.Round(passed * 100m / sat, 1, MidpointRounding.AwayFromZero);

    public static string LevelShort(SocialWorkLevel level) => level switch
    {
        SocialWorkLevel.Assistant => Lang.T("初级", "Assistant"),
        SocialWorkLevel.Intermediate => Lang.T("中级", "Intermediate"),
        SocialWorkLevel.Senior => Lang.T("高级", "Senior"),
        _ => level.ToString(),
    };

    /// <summary>A score's problem (0–100, and only the level's subjects), or null.</summary>
    public static string? ScoreProblem(SocialWorkLevel level, int subject, int? score)
    {
        if (score is null) return null;
        if (subject > SubjectCount(level))
            return Lang.T($"{Qualification.LevelLabel(level)}没有科目{subject}，请留空", $"The {Qualification.LevelLabel(level)} level has no subject {subject}: leave it empty");
        return score is < 0 or > 100 ? Lang.T($"科目{subject}成绩应为 0 到 100 的整数", $"Subject {subject}'s score is a whole number from 0 to 100") : null;
    }
}
