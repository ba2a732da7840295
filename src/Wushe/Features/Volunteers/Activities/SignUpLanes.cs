using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// The sign-ups of one shift, queued in memory and decided in batches (group commit): when 2,000 volunteers press 报名 for one shift
/// at the same moment, they wait here — holding no database connection — and one transaction at a time takes every sign-up waiting
/// (up to <see cref="BatchSize"/>), locks their volunteers and the shift once, and decides them in the order they came
/// (<see cref="SignUpForShift.DecideAsync"/>). Without it each request held a pooled connection while it queued on the shift's row
/// lock: PostgreSQL's pool ran out and most answered 500 (docs/PERFORMANCE.md, "The sign-up race").
/// The capacity rule itself stays in the database's locks (<see cref="SignUps"/>), so two app instances stay exact; this only
/// orders one instance's requests. One per app (a singleton); a lane lives while its shift has sign-ups waiting.
/// </summary>
public sealed class SignUpLanes(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SignUpLanes> log)
{
    /// <summary>Sign-ups decided per transaction at most.</summary>
    public const int BatchSize = 500;

    /// <summary>A sign-up to decide: who asks (the volunteer's account), their registration, and the shift (checked before queueing).</summary>
    public sealed record Ticket(CurrentUser User, Guid VolunteerId)
    {
        internal readonly TaskCompletionSource<Result<SignUpForShift.Answer>> Answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    sealed class Lane
    {
        public readonly List<Ticket> Waiting = [];
        public bool Running;
        public bool Retired;
    }

    readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Lane> lanes = new();

    /// <summary>
    /// Queues the sign-up on its shift's lane and waits for the decision: the answer, or a failure per ticket (duplicate, overlap).
    /// Throws what the batch's transaction threw (a busy database: 503 by <see cref="DatabaseErrors.IsBusy"/>); nothing of the batch is saved then.
    /// </summary>
    public Task<Result<SignUpForShift.Answer>> EnterAsync(Guid shiftId, Ticket ticket)
    {
        while (true)
        {
            var lane = lanes.GetOrAdd(shiftId, _ => new Lane());
            bool lead;
            lock (lane)
            {
                if (lane.Retired) continue;
                lane.Waiting.Add(ticket);
                lead = !lane.Running;
                lane.Running = true;
            }
            if (lead) _ = Task.Run(() => DrainAsync(shiftId, lane));
            return ticket.Answer.Task;
        }
    }

    async Task DrainAsync(Guid shiftId, Lane lane)
    {
        while (true)
        {
            List<Ticket> batch;
            lock (lane)
            {
                if (lane.Waiting.Count == 0)
                {
                    lane.Running = false;
                    lane.Retired = true;
                    lanes.TryRemove(new(shiftId, lane));
                    return;
                }
                var n = Math.Min(BatchSize, lane.Waiting.Count);
                batch = lane.Waiting.GetRange(0, n);
                lane.Waiting.RemoveRange(0, n);
            }
            await DecideAsync(shiftId, batch);
        }
    }

    async Task DecideAsync(Guid shiftId, List<Ticket> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ActorOverride>().Actor = batch[0].User;
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                var answers = await SignUpForShift.DecideAsync(db, clock, shiftId, batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Answer.TrySetResult(answers[i]);
                return;
            }
            catch (Exception e) when (attempt < 3 && DatabaseErrors.IsBusy(e))
            {
                // A deadlock with another shift's batch over a shared volunteer, or a lock wait that ran out: the batch rolled back whole.
                if (log.IsEnabled(LogLevel.Information)) log.LogInformation(e, "Sign-up batch of {Count} for shift {Shift} rolled back; trying again", batch.Count, shiftId);
            }
            catch (Exception e)
            {
                foreach (var t in batch) t.Answer.TrySetException(e);
                return;
            }
        }
    }
}
