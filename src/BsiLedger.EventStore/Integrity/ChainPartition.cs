using System.Data;
using System.Text.Json;
using BsiLedger.Domain;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// The streams of one range, read in stream order on a connection of its own that shares the verification's
/// snapshot: checks that each stream's versions run from 1 without a gap and recomputes each event's link from the
/// stored hash of the event before it.
/// </summary>
internal sealed class ChainPartition(string connectionString, string snapshot, StreamRange range)
{
    /// <summary>How many rows go by between two reports of progress.</summary>
    public const int ProgressStep = 16_384;

    public async Task<(long Events, long Streams)> VerifyAsync(Action<ChainFinding> found, Action<int> progressed, CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var join = new NpgsqlCommand($"set transaction snapshot '{snapshot}'; set transaction read only", connection))
        {
            await join.ExecuteNonQueryAsync(ct);
        }

        await using var command = new NpgsqlCommand(
            $"""
            select stream_id, version, type, data, correlation_id, causation_id, headers ->> '{MartenEventJournal.HashHeader}'
            from {LedgerStoreOptions.Schema}.mt_events where {range.Condition} and {LedgerStoreOptions.LedgerStreamsOnly()} order by stream_id, version
            """,
            connection);
        range.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        string? stream = null;
        var expectedVersion = 0L;
        // Null when the event before carries no readable hash: the next link cannot be checked, only its own hash read.
        EventHash? previous = EventHash.None;
        long events = 0, streams = 0;
        while (await reader.ReadAsync(ct))
        {
            var streamId = reader.GetString(0);
            var version = reader.GetInt64(1);
            if (streamId != stream)
            {
                stream = streamId;
                expectedVersion = 1;
                previous = EventHash.None;
                streams++;
            }

            // An event after a gap linked to the missing one, so its own link cannot be checked; the chain goes on from it.
            if (version != expectedVersion)
            {
                found(new ChainFinding(streamId, expectedVersion, version == expectedVersion + 1
                    ? "missing (deleted): the stream jumps to the next version"
                    : $"missing (deleted): the stream jumps to version {version}"));
                previous = null;
            }

            var type = reader.GetString(2);
            using var data = reader.GetFieldValue<JsonDocument>(3);
            var provenance = new Provenance(reader.IsDBNull(4) ? "" : reader.GetString(4), reader.IsDBNull(5) ? "" : reader.GetString(5));
            var storedHex = reader.IsDBNull(6) ? null : reader.GetString(6);
            var readable = EventHash.TryParse(storedHex, out var stored);
            if (!readable)
            {
                found(new ChainFinding(streamId, version, storedHex is null ? "carries no hash" : "carries a malformed hash"));
            }
            else if (previous is { } linkedTo && LinkProblem(linkedTo, streamId, version, type, data.RootElement, provenance, stored) is { } problem)
            {
                found(new ChainFinding(streamId, version, problem));
            }

            previous = readable ? stored : null;
            expectedVersion = version + 1;
            if (++events % ProgressStep == 0)
            {
                progressed(ProgressStep);
            }
        }

        progressed((int)(events % ProgressStep));
        return (events, streams);
    }

    /// <summary>
    /// What is wrong with this event's link, or null when it holds. A payload edited into something that is no longer
    /// JSON the canonical form can print (a number beyond a double, a lone surrogate) is a finding, not a failed run.
    /// </summary>
    private static string? LinkProblem(EventHash previous, string streamId, long version, string type, JsonElement data, Provenance provenance, EventHash stored)
    {
        try
        {
            return ChainLink.Hash(previous, streamId, version, type, data, provenance) == stored
                ? null
                : "does not match its hash: its content, provenance, place or link to the version before was altered";
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            return $"its payload cannot be canonicalised, so it was altered: {e.Message}";
        }
    }
}
