using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Platform.Access;

namespace Wushe.Features.Workforce.Exams;

/// <summary>The subjects of a level passed in a year (科目1–3), as flags: computed from the scores and the pass lines, never typed.</summary>
[Flags]
public enum ExamSubjects
{
    None = 0,
    First = 1,
    Second = 2,
    Third = 4,
}

/// <summary>
/// 职业水平考试考生: one person's sitting of one level in one year — the scores per subject (0–100; none = not registered for the
/// subject or absent), the senior level's review (评审), and what the rules make of them (<see cref="ExamRules"/>): the subjects
/// passed, whether the person sat, whether the level was achieved this year. <see cref="AreaCode"/> is where the person registered
/// for the exam (报考地区, normally a county): the figures count by it and it scopes who sees the record. The person is a
/// <see cref="SocialWorker"/> of the register (one per ID number); the name and the masked ID are kept as the exam knew them.
/// </summary>
public sealed class ExamCandidate : IAreaScoped
{
    private ExamCandidate() { AreaCode = Name = IdMasked = EnteredByName = ""; }

    public ExamCandidate(int year, SocialWorkLevel level, Guid socialWorkerId, string idMasked, string areaCode, string name, Guid? by, string byName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Year = year;
        Level = level;
        SocialWorkerId = socialWorkerId;
        AreaCode = areaCode;
        Name = name;
        IdMasked = idMasked;
        EnteredById = by;
        EnteredByName = byName;
        EnteredAt = at;
    }

    public Guid Id { get; private set; }
    /// <summary>考试年度.</summary>
    public int Year { get; private set; }
    public SocialWorkLevel Level { get; private set; }
    public Guid SocialWorkerId { get; private set; }
    /// <summary>报考地区: the 12-digit area of the registration (scope; figures).</summary>
    public string AreaCode { get; private set; }
    /// <summary>The candidate's name as the exam has it.</summary>
    public string Name { get; private set; }
    /// <summary>The ID number masked (3406**********123X): lists never show more.</summary>
    public string IdMasked { get; private set; }
    public int? Score1 { get; private set; }
    public int? Score2 { get; private set; }
    public int? Score3 { get; private set; }
    /// <summary>评审 of the senior level: passed, failed, or not (yet) reviewed. None for the other levels.</summary>
    public bool? ReviewPassed { get; private set; }

    /// <summary>Computed: the subjects passed this year.</summary>
    public ExamSubjects PassedSubjects { get; private set; }
    /// <summary>Computed: at least one subject has a score (参考).</summary>
    public bool Sat { get; private set; }
    /// <summary>Computed: the level was achieved this year (the senior level: its exam; the review is apart).</summary>
    public bool Passed { get; private set; }

    public Guid? EnteredById { get; private set; }
    public string EnteredByName { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }
    public int Version { get; private set; }

    public ExamRules.Sitting Sitting => new(Year, AreaCode, Score1, Score2, Score3, ReviewPassed);

    public void Score(string areaCode, string name, int? score1, int? score2, int? score3, bool? reviewPassed)
    {
        AreaCode = areaCode;
        Name = name;
        Score1 = score1;
        Score2 = score2;
        Score3 = score3;
        ReviewPassed = reviewPassed;
        Version++;
    }

    /// <summary>Sets what the rules computed (<see cref="ExamRules.Evaluate"/>).</summary>
    public void Result(ExamRules.Outcome outcome)
    {
        PassedSubjects = outcome.Subjects;
        Sat = outcome.Sat;
        Passed = outcome.Passed;
    }
}

/// <summary>
/// 合格线: the pass mark of one subject of a level in a year for a designated area (a lower line, 指定地区), kept as data; it applies to
/// the candidates whose 报考地区 lies under <see cref="AreaCode"/>, the most specific area winning. No line: 60 (DOMAIN.md).
/// A bureau sets the lines of its area.
/// </summary>
public sealed class ExamPassLine : IAreaScoped
{
    private ExamPassLine() { AreaCode = SetByName = ""; }

    public ExamPassLine(int year, SocialWorkLevel level, int subject, string areaCode, int mark, Guid? by, string byName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Year = year;
        Level = level;
        Subject = subject;
        AreaCode = areaCode;
        Set(mark, by, byName, at);
        SetByName = byName;
    }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public SocialWorkLevel Level { get; private set; }
    /// <summary>1..<see cref="ExamRules.SubjectCount"/> of the level.</summary>
    public int Subject { get; private set; }
    public string AreaCode { get; private set; }
    public int Mark { get; private set; }
    public Guid? SetById { get; private set; }
    public string SetByName { get; private set; }
    public DateTimeOffset SetAt { get; private set; }

    public ExamRules.PassLine Line => new(Year, Level, Subject, AreaCode, Mark);

    public void Set(int mark, Guid? by, string byName, DateTimeOffset at)
    {
        Mark = mark;
        SetById = by;
        SetByName = byName;
        SetAt = at;
    }
}

sealed class ExamCandidateConfiguration : IEntityTypeConfiguration<ExamCandidate>
{
    public void Configure(EntityTypeBuilder<ExamCandidate> b)
    {
        b.Property(x => x.Name).HasMaxLength(30);
        b.Property(x => x.IdMasked).HasMaxLength(20);
        b.Property(x => x.EnteredByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<SocialWorker>().WithMany().HasForeignKey(x => x.SocialWorkerId).OnDelete(DeleteBehavior.Restrict);
        // One sitting per person, level and year; also the roll's read of a person's years of a level.
        b.HasIndex(x => new { x.SocialWorkerId, x.Level, x.Year }).IsUnique();
        // The figures (sat, passed by area, year and level) read this index alone; the list pages through it.
        b.HasIndex(x => new { x.AreaCode, x.Year, x.Level, x.Sat, x.Passed });
        b.HasIndex(x => new { x.Year, x.Level, x.AreaCode });
    }
}

sealed class ExamPassLineConfiguration : IEntityTypeConfiguration<ExamPassLine>
{
    public void Configure(EntityTypeBuilder<ExamPassLine> b)
    {
        b.Property(x => x.SetByName).HasMaxLength(50);
        b.HasIndex(x => new { x.Year, x.Level, x.Subject, x.AreaCode }).IsUnique();
        b.HasIndex(x => x.AreaCode);
    }
}

/// <summary>How the exam records read in the audit log.</summary>
sealed class ExamsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<ExamCandidate>("职业水平考试成绩", "Exam result")
            .Name(x => $"{x.Year} {x.Name}")
            .Area(x => x.AreaCode, "报考地区", "Exam area")
            .Field(x => x.Year, "考试年度", "Year")
            .Field(x => x.Level, "级别", "Level")
            .Field(x => x.SocialWorkerId, "社会工作者", "Social worker")
            .Field(x => x.Name, "姓名", "Name")
            .Field(x => x.Score1, "科目1成绩", "Subject 1 score")
            .Field(x => x.Score2, "科目2成绩", "Subject 2 score")
            .Field(x => x.Score3, "科目3成绩", "Subject 3 score")
            .Field(x => x.ReviewPassed, "评审结果", "Review passed")
            // Computed by the rules, never typed: a recomputation is not an edit.
            .Ignore(x => x.PassedSubjects, x => x.Sat, x => x.Passed, x => x.IdMasked, x => x.Version, x => x.EnteredAt, x => x.EnteredById, x => x.EnteredByName);
        v.Entity<ExamPassLine>("考试合格线", "Exam pass line")
            .Name(x => $"{x.Year} {ExamRules.SubjectName(x.Level, x.Subject)}")
            .Area(x => x.AreaCode, "适用地区", "Area")
            .Field(x => x.Year, "考试年度", "Year")
            .Field(x => x.Level, "级别", "Level")
            .Field(x => x.Subject, "科目", "Subject")
            .Field(x => x.Mark, "合格线", "Pass mark")
            .Ignore(x => x.SetAt, x => x.SetById, x => x.SetByName);
    }
}
