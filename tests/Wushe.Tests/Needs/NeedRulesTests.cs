using Wushe.Features.Needs;

namespace Wushe.Tests.Needs;

/// <summary>The pure rules of a need's life cycle: which step may follow which, when a need is overdue, the strictest limits.</summary>
public sealed class NeedRulesTests
{
    static readonly (NeedStatus From, NeedStatus To)[] Allowed =
    [
        (NeedStatus.Submitted, NeedStatus.Accepted), (NeedStatus.Submitted, NeedStatus.Rejected), (NeedStatus.Accepted, NeedStatus.Matched),
        (NeedStatus.Matched, NeedStatus.InProgress), (NeedStatus.Matched, NeedStatus.Resolved), (NeedStatus.InProgress, NeedStatus.Resolved),
        (NeedStatus.Resolved, NeedStatus.FollowedUp), (NeedStatus.FollowedUp, NeedStatus.Closed),
    ];

    [Fact]
    public void Exactly_the_life_cycle_s_steps_are_allowed_and_every_other_move_says_why()
    {
        foreach (var from in Enum.GetValues<NeedStatus>())
            foreach (var to in Enum.GetValues<NeedStatus>())
            {
                var refusal = NeedRules.Refusal(from, to);
                if (Allowed.Contains((from, to))) Assert.Null(refusal);
                else Assert.False(string.IsNullOrWhiteSpace(refusal), $"{from} → {to} is refused without words");
            }
        Assert.Equal("该需求已不予受理，不能再办理", NeedRules.Refusal(NeedStatus.Rejected, NeedStatus.Accepted));
        Assert.Equal("该需求已办结，不能再办理", NeedRules.Refusal(NeedStatus.Closed, NeedStatus.Accepted));
    }

    [Fact]
    public void A_need_is_overdue_only_past_the_deadline_of_its_current_stage()
    {
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var past = now.AddMinutes(-1);
        var future = now.AddMinutes(1);
        Assert.True(NeedRules.IsOverdue(NeedStatus.Submitted, past, null, now));
        Assert.False(NeedRules.IsOverdue(NeedStatus.Submitted, future, null, now));
        // Once accepted the acceptance deadline no longer counts; the resolution one does, until resolved.
        Assert.False(NeedRules.IsOverdue(NeedStatus.Accepted, past, future, now));
        foreach (var open in NeedRules.Open) Assert.True(NeedRules.IsOverdue(open, past, past, now));
        foreach (var done in new[] { NeedStatus.Resolved, NeedStatus.FollowedUp, NeedStatus.Closed, NeedStatus.Rejected })
            Assert.False(NeedRules.IsOverdue(done, past, past, now));
    }

    [Fact]
    public void The_limits_that_apply_are_the_strictest_of_the_area_and_those_above()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.Same(NeedTimeLimits.Defaults, NeedRules.Strictest([]));
        var township = new NeedTimeLimits("340699001000", 48, 30, 12, 10, 6, 3, at);
        var county = new NeedTimeLimits("340699000000", 72, 20, 24, 7, 12, 2, at);
        var applying = NeedRules.Strictest([township, county]);
        Assert.Equal("340699001000", applying.AreaCode);
        Assert.Equal((48, 20, 12, 7, 6, 2), (applying.NormalAcceptHours, applying.NormalResolveDays, applying.UrgentAcceptHours, applying.UrgentResolveDays,
            applying.CriticalAcceptHours, applying.CriticalResolveDays));
        Assert.Equal(6, applying.AcceptHours(NeedUrgency.Critical));
        Assert.Equal(20, applying.ResolveDays(NeedUrgency.Normal));
    }
}
