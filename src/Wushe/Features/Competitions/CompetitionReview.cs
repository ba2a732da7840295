using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Competitions;

/// <summary>
/// 评审专家: a judge of a call — an account with the 评审专家 role (experts may come from outside the host area: the role has no area
/// scope; they read only the applications assigned to them), named with their unit as the notice prints them. Lies in the call's area.
/// </summary>
public sealed class CompetitionJudge : IAreaScoped
{
    private CompetitionJudge() { AreaCode = Name = Unit = ""; }

    public CompetitionJudge(Competition call, Guid userId, string name, string unit, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CompetitionId = call.Id;
        AreaCode = call.AreaCode;
        UserId = userId;
        Name = name;
        Unit = unit;
        AddedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CompetitionId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; }
    /// <summary>工作单位 (高校、机构 …), as the notice prints it.</summary>
    public string Unit { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>
/// 评分: one judge's assignment to one application — made when the host assigns it; the judge then either declares a conflict of
/// interest (回避: recused — they score nothing and never read that application's scores) or scores each criterion of the rubric
/// within its maximum, with comments. Lies in the application's area.
/// </summary>
public sealed class CompetitionScore : IAreaScoped
{
    private CompetitionScore() { AreaCode = ConflictNote = Comment = ""; Scores = []; }

    public CompetitionScore(CompetitionApplication application, CompetitionJudge judge, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CompetitionId = application.CompetitionId;
        ApplicationId = application.Id;
        JudgeId = judge.Id;
        AreaCode = application.AreaCode;
        AssignedAt = at;
        ConflictNote = Comment = "";
        Scores = [];
    }

    public Guid Id { get; private set; }
    public Guid CompetitionId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid JudgeId { get; private set; }
    public string AreaCode { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    /// <summary>回避: the judge declared a conflict of interest with this application.</summary>
    public bool Recused { get; private set; }
    public string ConflictNote { get; private set; }
    public DateTimeOffset? RecusedAt { get; private set; }
    /// <summary>A score per criterion in the rubric's order (each 0 … its maximum); empty until scored.</summary>
    public List<int> Scores { get; private set; }
    public string Comment { get; private set; }
    public DateTimeOffset? ScoredAt { get; private set; }
    public int Version { get; private set; }

    public void Recuse(string note, DateTimeOffset at) { Recused = true; ConflictNote = note; RecusedAt = at; Scores = []; Comment = ""; ScoredAt = null; Version++; }

    public void Score(List<int> scores, string comment, DateTimeOffset at) { Scores = scores; Comment = comment; ScoredAt = at; Version++; }
}

/// <summary>
/// 公示异议: an objection to a call's shortlist lodged on the public notice page during the notice period — about one application or the
/// whole list, with the objector's name and phone (sealed; the host reads it to reply) — and the host's answer, recorded.
/// </summary>
public sealed class CompetitionObjection : IAreaScoped
{
    private CompetitionObjection() { AreaCode = Content = ContactName = Answer = AnsweredByName = ""; }

    public CompetitionObjection(Competition call, Guid? applicationId, string content, string contactName, SealedValue contactPhone, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CompetitionId = call.Id;
        AreaCode = call.AreaCode;
        ApplicationId = applicationId;
        Content = content;
        ContactName = contactName;
        ContactPhone = contactPhone;
        LodgedAt = at;
        Answer = AnsweredByName = "";
    }

    public Guid Id { get; private set; }
    public Guid CompetitionId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid? ApplicationId { get; private set; }
    public string Content { get; private set; }
    public string ContactName { get; private set; }
    public SealedValue ContactPhone { get; private set; } = null!;
    public DateTimeOffset LodgedAt { get; private set; }
    public string Answer { get; private set; }
    /// <summary>异议成立: the shortlisted application it names leaves the shortlist (not awarded).</summary>
    public bool? Upheld { get; private set; }
    public string AnsweredByName { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public int Version { get; private set; }

    public void Reply(string answer, bool upheld, string byName, DateTimeOffset at) { Answer = answer; Upheld = upheld; AnsweredByName = byName; AnsweredAt = at; Version++; }

    public static string OutcomeLabel(bool? upheld) => upheld switch
    {
        null => Lang.T("待答复", "Awaiting an answer"),
        true => Lang.T("异议成立", "Upheld"),
        false => Lang.T("异议不成立", "Not upheld"),
    };
}
