using System.Text.Json;
using BsiLedger.EventStore.Marten;
using BsiLedger.Simulation.Runs;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Testing;
using Marten;

namespace BsiLedger.Simulation.Tests.Ledger;

/// <summary>What-if replays read streams around Marten's session; what they read must be what Marten reads.</summary>
public sealed class StoredStreamsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_stream_of_a_simulated_ledger_read_around_Marten_holds_the_events_Marten_reads()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await postgres.CreateDatabaseAsync();
        await new SimulationRun(BuiltInScenario.Create(devices: 2_000), new SimulationOptions(connection) { Shards = 8 }).RunAsync(ct);
        await using var store = LedgerStoreOptions.CreateStore(connection);
        await using var session = store.QuerySession();
        var ids = await session.Events.QueryAllRawEvents().Where(e => e.StreamKey != LedgerStoreOptions.TombstoneStream).Select(e => e.StreamKey!).Distinct().ToListAsync(ct);

        var stored = await StoredStreams.ReadAsync(connection, ids, ct);

        var types = new HashSet<Type>();
        foreach (var id in ids)
        {
            var expected = (await session.Events.FetchStreamAsync(id, token: ct)).Select(e => e.Data).ToList();
            Assert.Equal(expected.Select(Json), stored[id].Select(Json));
            types.UnionWith(expected.Select(e => e.GetType()));
        }

        // The run wrote every kind of event a rollout and a recall write, so every kind was compared.
        Assert.True(types.Count >= 14, string.Join(", ", types.Select(t => t.Name)));
    }

    private static string Json(object e) => e.GetType().Name + JsonSerializer.Serialize(e, e.GetType());
}
