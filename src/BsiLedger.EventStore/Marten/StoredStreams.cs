using BsiLedger.Domain;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// Whole streams' events read straight from <c>mt_events</c> and deserialized with the store's own serializer
/// (<see cref="LedgerStoreOptions.CreateSerializer"/>), for a one-shot reader that needs a few streams and nothing else
/// of Marten: building a store takes a third of a second, and Marten's first fetch generates and compiles its reader.
/// </summary>
public static class StoredStreams
{
    // One for every read: a serializer's options learn each event type's shape once.
    private static readonly LedgerJsonSerializer Serializer = LedgerStoreOptions.CreateSerializer();

    /// <summary>The events of each stream named, in version order; a stream the ledger does not hold has none.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<ILedgerEvent>>> ReadAsync(
        string connectionString, IReadOnlyCollection<string> streams, CancellationToken cancellationToken)
    {
        var events = streams.ToDictionary(s => s, _ => new List<ILedgerEvent>(), StringComparer.Ordinal);
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"select stream_id, type, data from {LedgerStoreOptions.Schema}.mt_events where stream_id = any(@streams) order by stream_id, version",
            connection);
        command.Parameters.AddWithValue("streams", streams.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(1);
            var clrType = LedgerEventTypes.TypeNamed(type)
                ?? throw new InvalidOperationException($"stream '{reader.GetString(0)}' holds an event of type '{type}', which this version of bsi does not know");
            events[reader.GetString(0)].Add((ILedgerEvent)Serializer.FromJson(clrType, reader, 2));
        }

        return events.ToDictionary(e => e.Key, e => (IReadOnlyList<ILedgerEvent>)e.Value, StringComparer.Ordinal);
    }
}
