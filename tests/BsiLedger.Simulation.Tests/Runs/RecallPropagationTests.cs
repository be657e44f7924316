using System.Diagnostics;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Simulation.Runs;
using BsiLedger.Testing;

namespace BsiLedger.Simulation.Tests.Runs;

public sealed class RecallPropagationTests(PostgresFixture postgres)
{
    private static readonly ReleaseId Release = ReleaseId.Parse("macOS 26.3.2 (a)");
    private static readonly DateTimeOffset At = new(2026, 3, 4, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task It_is_the_wall_time_from_the_stored_recall_to_its_last_stored_withdrawal_and_nothing_else()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await postgres.CreateDatabaseAsync();
        using var store = LedgerStoreOptions.CreateStore(connection);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var journal = new MartenEventJournal(store, new JournalOptions());
        var recall = new Provenance("recall-1", "recall-1");

        var clock = Stopwatch.StartNew();
        await journal.AppendAsync(Release.ToString(), StreamHead.Empty, [new JournalEvent(new RecallIssued(Release, "recall-1", "breaks sign-in", At, Cause.Operator("sre")), recall)], ct);
        await Task.Delay(400, ct);
        await journal.AppendAsync("dev-1", StreamHead.Empty, [new JournalEvent(new BsiWithdrawn("dev-1", Release, "recall-1", At, Cause.Policy("recall")), recall)], ct);
        var spanned = clock.Elapsed;
        await Task.Delay(400, ct);
        await journal.AppendAsync("dev-2", StreamHead.Empty, [new JournalEvent(new BsiWithdrawn("dev-2", Release, "recall-2", At, Cause.Policy("recall")), new Provenance("recall-2", "recall-2"))], ct);

        var measured = await RecallPropagation.MeasureAsync(connection, "recall-1", ct);

        Assert.InRange(measured, TimeSpan.FromMilliseconds(350), spanned + TimeSpan.FromMilliseconds(50));
        Assert.Equal(TimeSpan.Zero, await RecallPropagation.MeasureAsync(connection, "no-such-recall", ct));
    }
}
