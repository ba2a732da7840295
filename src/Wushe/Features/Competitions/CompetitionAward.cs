using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Competitions;

/// <summary>资助状态: 执行中 (tranches released as their gates pass), 已停止拨付 (a failed or late mid-term evaluation), 已结项 (final evaluation passed).</summary>
public enum AwardStatus
{
    Active = 1,
    Stopped = 2,
    Closed = 3,
}

/// <summary>资助资金变动: 拨付 (a tranche released) or 追回 (unspent money clawed back after funding stopped).</summary>
public enum AwardMovementKind
{
    Release = 1,
    ClawBack = 2,
}

/// <summary>
/// 资助: a confirmed award of a call to an application — the amount in fen (≤ the call's cap, within the pool), the project it created
/// (status 已立项, funding line 公益创投资助), the agreement (协议编号, signing day), the mid-term evaluation's due day (China date) and
/// the ledger's roll-ups: <see cref="ReleasedFen"/> = Σ releases (never above <see cref="AmountFen"/>), <see cref="ClawedBackFen"/> =
/// Σ claw-backs. Lies in the project's area; held by the implementing organization.
/// </summary>
public sealed class CompetitionAward : IAreaScoped, IOrganizationHeld
{
    private CompetitionAward() { AreaCode = AgreementNo = StatusNote = ConfirmedByName = ""; }

    public CompetitionAward(Competition call, CompetitionApplication application, Guid projectId, long amountFen, string agreementNo, Guid? byId, string byName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CompetitionId = call.Id;
        ApplicationId = application.Id;
        ProjectId = projectId;
        AreaCode = application.AreaCode;
        OrganizationId = application.OrganizationId;
        AmountFen = amountFen;
        AgreementNo = agreementNo;
        Status = AwardStatus.Active;
        ConfirmedById = byId;
        ConfirmedByName = byName;
        ConfirmedAt = at;
        StatusNote = "";
    }

    public Guid Id { get; private set; }
    public Guid CompetitionId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid ProjectId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public long AmountFen { get; private set; }
    /// <summary>资助协议编号: the call's number + the application's 3 digits + "-XY".</summary>
    public string AgreementNo { get; private set; }
    /// <summary>协议签订日期 (China date); null until signed — the first tranche waits for it.</summary>
    public DateOnly? SignedOn { get; private set; }
    /// <summary>中期评估截止 (China date): signing + the call's mid-term months; not passed by then stops further tranches. Null before signing, and for a plan without a mid-term tranche.</summary>
    public DateOnly? MidTermDueOn { get; private set; }
    public long ReleasedFen { get; private set; }
    public long ClawedBackFen { get; private set; }
    /// <summary>Entries on the award's ledger so far (the next is numbered one more).</summary>
    public int Entries { get; private set; }
    public AwardStatus Status { get; private set; }
    public string StatusNote { get; private set; }
    public Guid? ConfirmedById { get; private set; }
    public string ConfirmedByName { get; private set; }
    public DateTimeOffset ConfirmedAt { get; private set; }
    public int Version { get; private set; }

    public void Sign(DateOnly on, DateOnly? midTermDueOn) { SignedOn = on; MidTermDueOn = midTermDueOn; Version++; }

    public void MoveTo(AwardStatus status, string note) { Status = status; StatusNote = note; Version++; }

    /// <summary>Posts a movement: the roll-ups and the entry together (the caller holds the award's row lock and saves).</summary>
    public AwardMovement Post(AwardMovementKind kind, int? tranche, long amountFen, DateTimeOffset at, string note, string byName)
    {
        if (amountFen <= 0) throw new InvalidOperationException($"Award {Id}: a movement is above 0 ({amountFen}).");
        if (kind == AwardMovementKind.Release && ReleasedFen + amountFen > AmountFen)
            throw new InvalidOperationException($"Award {Id}: releases {ReleasedFen + amountFen} would exceed the award {AmountFen}.");
        if (kind == AwardMovementKind.ClawBack && ClawedBackFen + amountFen > ReleasedFen)
            throw new InvalidOperationException($"Award {Id}: claw-backs {ClawedBackFen + amountFen} would exceed the releases {ReleasedFen}.");
        if (kind == AwardMovementKind.Release) ReleasedFen += amountFen; else ClawedBackFen += amountFen;
        Entries++;
        Version++;
        return new AwardMovement(this, Entries, kind, tranche, amountFen, at, note, byName);
    }

    public static string StatusLabel(AwardStatus s) => s switch
    {
        AwardStatus.Active => Lang.T("执行中", "Active"),
        AwardStatus.Stopped => Lang.T("已停止拨付", "Funding stopped"),
        AwardStatus.Closed => Lang.T("已结项", "Closed"),
        _ => s.ToString(),
    };
}

/// <summary>
/// 资助资金台账: one movement of an award's money, numbered 1, 2, 3 … per award, append-only — a tranche released (its index in the
/// call's plan, each once) or a claw-back. Amounts in fen, above 0.
/// </summary>
public sealed class AwardMovement : IAreaScoped, IOrganizationHeld
{
    private AwardMovement() { AreaCode = Note = ByName = ""; }

    internal AwardMovement(CompetitionAward award, int no, AwardMovementKind kind, int? tranche, long amountFen, DateTimeOffset at, string note, string byName)
    {
        Id = Guid.CreateVersion7();
        AwardId = award.Id;
        AreaCode = award.AreaCode;
        OrganizationId = award.OrganizationId;
        No = no;
        Kind = kind;
        Tranche = tranche;
        AmountFen = amountFen;
        At = at;
        Note = note;
        ByName = byName;
    }

    public Guid Id { get; private set; }
    public Guid AwardId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public int No { get; private set; }
    public AwardMovementKind Kind { get; private set; }
    /// <summary>The tranche's index in the call's plan (0-based) for a release; null for a claw-back.</summary>
    public int? Tranche { get; private set; }
    public long AmountFen { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Note { get; private set; }
    public string ByName { get; private set; }

    public static string KindLabel(AwardMovementKind k) => k switch
    {
        AwardMovementKind.Release => Lang.T("拨付", "Release"),
        AwardMovementKind.ClawBack => Lang.T("追回", "Claw-back"),
        _ => k.ToString(),
    };
}
