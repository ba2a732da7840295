using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;

namespace Wushe.Tests.Platform;

/// <summary>
/// The SQLite write gate (one writer at a time per file, queued) is let go of whatever way a transaction ends — also when a
/// handler returns a refusal from inside <c>await using var tx</c> without commit or rollback. Such a transaction once kept
/// the gate until its pooled context was rented again, and every other writer of the process waited 10 s (the CI's SQLite
/// pass took over an hour). On PostgreSQL there is no gate: the same steps must simply pass.
/// </summary>
public sealed class WriteGateTests(TestApp app)
{
    [Fact]
    public async Task A_transaction_disposed_without_commit_does_not_hold_up_the_next_writer()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            // The next writer's context is rented first, so that it is another pooled context than the one that lets go.
            await using var next = app.Scope();
            var nextDb = next.ServiceProvider.GetRequiredService<AppDb>();
            Assert.Equal(1, await nextDb.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(ct));

            await using (var scope = app.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                // A read first, as a handler reads before it writes: the connection is then open before the transaction, and the
                // transaction's end does not close it.
                Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(ct));
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // Neither commit nor rollback: the refusal path of a handler.
            }

            var watch = Stopwatch.StartNew();
            await using (var tx = await nextDb.Database.BeginTransactionAsync(ct))
                await tx.CommitAsync(ct);
            // Other tests write at the same time and may hold the gate for a moment; 10 s (the busy timeout) would be the leak.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The next writer waited {watch.Elapsed.TotalSeconds:0.0} s for the gate");
        }
    }
}
