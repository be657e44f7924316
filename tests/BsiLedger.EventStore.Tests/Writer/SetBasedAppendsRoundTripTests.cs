using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using Marten;

namespace BsiLedger.EventStore.Tests.Writer;

/// <summary>
/// Decision 0017's round trip: the same script of appends through Marten's own session and through the journal's
/// set-based writer, each into a database of its own, stores the same ledger, row for row, and Marten reads both back
/// the same: events, versions, metadata, hashes, stream versions, read models and install reports.
/// </summary>
public sealed class SetBasedAppendsRoundTripTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_writer_stores_what_Martens_session_stores_for_the_same_appends()
    {
        await using var oracle = await LedgerAsync();
        await using var written = await LedgerAsync();
        await using var journal = new MartenEventJournal(written.Store, new JournalOptions());
        var heads = new Dictionary<string, StreamHead>(StringComparer.Ordinal);
        var outcomes = new List<string>();
        foreach (var batch in RoundTripScript.Batches)
        {
            var appends = batch.Select(a => journal.Chain(a.Stream, HeadAt(heads, a), a.Events, default)).ToList();
            await journal.CommitAsync(appends);
            foreach (var append in appends)
            {
                var byMarten = await MartenSessionAppends.TryAppendAsync(oracle.Store, append);
                var byWriter = append.Outcome.IsCompletedSuccessfully;
                Assert.True(append.Outcome.IsCompleted, $"the writer left {append.StreamId}'s append unsettled");
                outcomes.Add($"{append.StreamId}@{append.ExpectedVersion}: Marten {(byMarten ? "wrote" : "refused")}, writer {(byWriter ? "wrote" : "refused")}");
                if (byWriter)
                {
                    heads[append.StreamId] = await append.Outcome;
                }
            }
        }

        Assert.All(outcomes, o => Assert.DoesNotContain("Marten wrote, writer refused", o));
        Assert.All(outcomes, o => Assert.DoesNotContain("Marten refused, writer wrote", o));
        Assert.Equal(2, outcomes.Count(o => o.Contains("Marten refused, writer refused", StringComparison.Ordinal)));

        var expected = await StoredLedger.ReadAsync(oracle.ConnectionString);
        var actual = await StoredLedger.ReadAsync(written.ConnectionString);
        Assert.Equal(expected, actual);
        Assert.Contains(actual, line => line.StartsWith("mt_doc_fleetmember rt-device-b", StringComparison.Ordinal) && line.Contains("iOS 26.4", StringComparison.Ordinal));
        Assert.Contains(actual, line => line.StartsWith("report ", StringComparison.Ordinal));

        foreach (var stream in heads.Keys)
        {
            Assert.Equal(await ReadBackAsync(oracle.Store, stream), await ReadBackAsync(written.Store, stream));
        }
    }

    private static StreamHead HeadAt(Dictionary<string, StreamHead> heads, ScriptedAppend append) =>
        heads.TryGetValue(append.Stream, out var head) && head.Version == append.ExpectedVersion ? head : new StreamHead(append.ExpectedVersion, default);

    /// <summary>The stream as Marten's own reader returns it.</summary>
    private static async Task<List<string>> ReadBackAsync(IDocumentStore store, string stream)
    {
        await using var session = store.QuerySession();
        var serializer = store.Options.Serializer();
        var events = await session.Events.FetchStreamAsync(stream);
        return [.. events.Select(e => string.Join(" | ", e.Version, e.EventTypeName, e.DotNetTypeName, serializer.ToJson(e.Data), e.CorrelationId, e.CausationId,
            e.GetHeader(MartenEventJournal.HashHeader), e.TenantId, e.Timestamp.Offset))];
    }

    private async Task<TestLedger> LedgerAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var store = LedgerStoreOptions.CreateStore(connectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new TestLedger(connectionString, store);
    }

    private sealed record TestLedger(string ConnectionString, DocumentStore Store) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            Store.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
