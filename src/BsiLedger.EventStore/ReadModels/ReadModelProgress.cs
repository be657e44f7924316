using System.Runtime.ExceptionServices;
using BsiLedger.EventStore.Telemetry;
using Marten;
using Npgsql;

namespace BsiLedger.EventStore.ReadModels;

/// <summary>
/// How far the asynchronous read models are behind the ledger, and the two ways to close the gap: wait for a running
/// daemon, or (a reader with no daemon, such as the CLI) catch them up once, writing only read-model tables.
/// </summary>
public static class ReadModelProgress
{
    private static readonly string LastSequenceSql = $"select coalesce(max(seq_id), 0) from {Marten.LedgerStoreOptions.Schema}.mt_events";

    /// <summary>The ledger's last event, and the least far any asynchronous projection has got.</summary>
    public static async Task<(long LastEvent, long Slowest)> ReadAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        long last;
        await using (var session = store.QuerySession())
        {
            await using var command = new NpgsqlCommand(LastSequenceSql);
            await using var reader = await session.ExecuteReaderAsync(command, cancellationToken);
            await reader.ReadAsync(cancellationToken);
            last = reader.GetInt64(0);
        }

        // A projection the daemon has never run has no progression row yet: it is at 0.
        var shards = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        var slowest = Marten.LedgerStoreOptions.AsyncProjections
            .Min(name => shards.FirstOrDefault(s => s.ShardName.StartsWith(name + ":", StringComparison.Ordinal))?.Sequence ?? 0);
        return (last, slowest);
    }

    /// <summary>Returns once every asynchronous projection has reached the ledger's last event, as it was when called.</summary>
    public static async Task WaitAsync(IDocumentStore store, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (target, slowest) = await ReadAsync(store, cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (slowest < target)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the read models reached event {slowest:N0} of {target:N0} in {timeout}: is a daemon running?");
            }

            (_, slowest) = await ReadAsync(store, cancellationToken);
        }
    }

    /// <summary>
    /// Brings every asynchronous projection up to the ledger's last event with a daemon of this process's own, run once
    /// and stopped. A daemon elsewhere that leads meanwhile is harmless: each batch commits with its progression only if
    /// no one else moved it first, so no event is applied twice; whoever loses, the projection is caught up.
    /// </summary>
    public static async Task CatchUpAsync(IDocumentStore store, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var activity = LedgerTelemetry.Source.StartActivity("readmodels.catch_up");
        var (target, slowest) = await ReadAsync(store, cancellationToken);
        activity?.SetTag("bsi.behind", target - slowest);
        if (slowest >= target)
        {
            return;
        }

        // An event below the target may still be committing in another writer's transaction when a pass ends (the
        // daemon stops at the gap): pass again until the target is reached or the time is up.
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (slowest < target)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"the read models reached event {slowest:N0} of {target:N0} in {timeout}");
            }

            Exception? failure = null;
            using (var daemon = await store.BuildProjectionDaemonAsync())
            {
                try
                {
                    await daemon.CatchUpAsync(timeout, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // Another daemon may have moved the progression under ours: whether all is well, the next read says.
                    failure = e;
                }
            }

            var before = slowest;
            (_, slowest) = await ReadAsync(store, cancellationToken);
            if (failure is not null && slowest == before)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            if (slowest < target)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }
}
