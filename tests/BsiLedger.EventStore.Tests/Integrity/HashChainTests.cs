using System.Text.Json;
using BsiLedger.Domain;
using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests.Integrity;

public sealed class HashChainTests(PostgresFixture postgres) : JournalTest(postgres)
{
    [Fact]
    public async Task Each_stored_event_carries_the_hash_of_its_content_chained_to_the_event_before_it()
    {
        var id = UniqueIds.Device("chain");
        var first = await Journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], Ct);
        var second = await Journal.AppendAsync(id, first, [JournalEvents.Installed(id), JournalEvents.Installed(id, "iOS 26.3.1 (b)", "c-3")], Ct);

        // Recomputed from the row as PostgreSQL holds it (jsonb), not from what was sent.
        var previous = EventHash.None;
        var rows = await RowsAsync(id);
        foreach (var row in rows)
        {
            using var data = JsonDocument.Parse(row.Data);
            var expected = ChainLink.Hash(previous, id, row.Version, row.Type, data.RootElement, row.Provenance);
            Assert.Equal(expected.ToString(), row.Hash);
            previous = expected;
        }

        Assert.Equal(3, rows.Count);
        Assert.Equal(second, new StreamHead(3, previous));
        Assert.Equal(StreamHead.Of((await Journal.ReadAsync(id, 2, Ct))[0]), second);
    }

    [Fact]
    public void A_change_to_any_covered_field_changes_the_hash()
    {
        using var data = JsonDocument.Parse("""{"deviceId":"d-1","at":"2026-03-17T09:00:00+00:00"}""");
        using var edited = JsonDocument.Parse("""{"deviceId":"d-2","at":"2026-03-17T09:00:00+00:00"}""");
        var provenance = new Provenance("corr", "cause");
        var original = ChainLink.Hash(EventHash.None, "d-1", 1, "bsi.device-enrolled", data.RootElement, provenance);

        EventHash[] variants =
        [
            ChainLink.Hash(EventHash.Of([1]), "d-1", 1, "bsi.device-enrolled", data.RootElement, provenance),
            ChainLink.Hash(EventHash.None, "d-2", 1, "bsi.device-enrolled", data.RootElement, provenance),
            ChainLink.Hash(EventHash.None, "d-1", 2, "bsi.device-enrolled", data.RootElement, provenance),
            ChainLink.Hash(EventHash.None, "d-1", 1, "bsi.bsi-installed", data.RootElement, provenance),
            ChainLink.Hash(EventHash.None, "d-1", 1, "bsi.device-enrolled", edited.RootElement, provenance),
            ChainLink.Hash(EventHash.None, "d-1", 1, "bsi.device-enrolled", data.RootElement, provenance with { CorrelationId = "other" }),
            ChainLink.Hash(EventHash.None, "d-1", 1, "bsi.device-enrolled", data.RootElement, provenance with { CausationId = "other" }),
        ];

        Assert.All(variants, variant => Assert.NotEqual(original, variant));
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }

    private async Task<List<(long Version, string Type, string Data, Provenance Provenance, string Hash)>> RowsAsync(string id)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            $"select version, type, data::text, correlation_id, causation_id, headers ->> '{MartenEventJournal.HashHeader}' from {LedgerStoreOptions.Schema}.mt_events where stream_id = @id order by version",
            connection);
        command.Parameters.AddWithValue("id", id);
        var rows = new List<(long, string, string, Provenance, string)>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), new Provenance(reader.GetString(3), reader.GetString(4)), reader.GetString(5)));
        }

        return rows;
    }
}
