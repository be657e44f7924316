using System.Data;
using System.Threading.Channels;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using Npgsql;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// Recomputes every stream's hash chain from the rows as stored, checks each stream's versions run from 1 without a
/// gap up to the version its stream record holds, and, given a digest, recomputes the tree up to the digest's last
/// sequence. One read-only snapshot; rows stream through one at a time, so memory does not grow with the ledger.
/// </summary>
public sealed class LedgerVerifier(string connectionString)
{
    public const int FindingsKept = 1000;

    private const int BatchSize = 512;

    private static readonly string EventsSql = $"""
        select stream_id, version, type, data, correlation_id, causation_id, headers ->> '{MartenEventJournal.HashHeader}'
        from {LedgerStoreOptions.Schema}.mt_events order by stream_id, version
        """;

    // A stream record that disagrees with its events: a tail cut off, or events added past it outside the ledger.
    private static readonly string StreamRecordsSql = $"""
        select coalesce(s.id, e.stream_id), s.version, coalesce(e.last, 0)
        from {LedgerStoreOptions.Schema}.mt_streams s
        full join (select stream_id, max(version) as last from {LedgerStoreOptions.Schema}.mt_events group by stream_id) e
            on e.stream_id = s.id
        where s.version is distinct from e.last
        """;

    public async Task<VerificationReport> VerifyAsync(LedgerDigest? digest, Action<long>? progress, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var readOnly = new NpgsqlCommand("set transaction read only", connection))
        {
            await readOnly.ExecuteNonQueryAsync(ct);
        }

        var findings = new List<ChainFinding>();
        var total = 0L;
        void Found(ChainFinding finding)
        {
            total++;
            if (findings.Count < FindingsKept)
            {
                findings.Add(finding);
            }
        }

        var (events, streams) = await VerifyChainsAsync(connection, Found, progress, ct);
        await CheckStreamRecordsAsync(connection, Found, ct);
        DigestComparison? comparison = null;
        if (digest is not null)
        {
            var tree = await SequenceTree.ComputeAsync(connection, digest.LastSequence, ct);
            comparison = new DigestComparison(digest, tree.Count, tree.Root.ToString());
        }

        await transaction.CommitAsync(ct);
        findings.Sort((a, b) => string.CompareOrdinal(a.StreamId, b.StreamId) is var byStream and not 0 ? byStream : a.Version.CompareTo(b.Version));
        return new VerificationReport(events, streams, findings, total, comparison);
    }

    /// <summary>
    /// The reader checks each stream's versions run without a gap and hands every row, with the stored hash of the
    /// row before it, to workers that recompute hashes in parallel: recomputing is most of the work.
    /// </summary>
    private static async Task<(long Events, long Streams)> VerifyChainsAsync(NpgsqlConnection connection, Action<ChainFinding> found, Action<long>? progress, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<List<ChainRow>>(new BoundedChannelOptions(Environment.ProcessorCount * 4) { SingleWriter = true });
        var gate = new Lock();
        void FoundByWorker(ChainFinding finding)
        {
            lock (gate)
            {
                found(finding);
            }
        }

        var workers = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Run(() => CheckLinksAsync(batches.Reader, FoundByWorker, ct), ct))
            .ToArray();
        try
        {
            return await ReadRowsAsync(connection, batches.Writer, FoundByWorker, progress, ct);
        }
        finally
        {
            batches.Writer.TryComplete();
            await Task.WhenAll(workers);
        }
    }

    private static async Task<(long Events, long Streams)> ReadRowsAsync(
        NpgsqlConnection connection, ChannelWriter<List<ChainRow>> batches, Action<ChainFinding> found, Action<long>? progress, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(EventsSql, connection);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        string? stream = null;
        var expectedVersion = 0L;
        var previous = EventHash.None;
        long events = 0, streams = 0;
        var batch = new List<ChainRow>(BatchSize);
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

            var linked = true;
            if (version != expectedVersion)
            {
                found(new ChainFinding(streamId, expectedVersion, version == expectedVersion + 1
                    ? "missing (deleted): the stream jumps to the next version"
                    : $"missing (deleted): the stream jumps to version {version}"));
                // This event's link was to the missing one, so it cannot be checked; the chain goes on from it.
                linked = false;
            }

            var row = new ChainRow(
                streamId,
                version,
                reader.GetString(2),
                reader.GetString(3),
                new Provenance(reader.IsDBNull(4) ? "" : reader.GetString(4), reader.IsDBNull(5) ? "" : reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                linked ? previous : null);
            batch.Add(row);
            previous = EventHash.TryParse(row.StoredHash, out var stored) ? stored : EventHash.None;
            expectedVersion = version + 1;
            if (batch.Count == BatchSize)
            {
                await batches.WriteAsync(batch, ct);
                batch = new List<ChainRow>(BatchSize);
            }

            if (++events % 50_000 == 0)
            {
                progress?.Invoke(events);
            }
        }

        await batches.WriteAsync(batch, ct);
        progress?.Invoke(events);
        return (events, streams);
    }

    private static async Task CheckLinksAsync(ChannelReader<List<ChainRow>> batches, Action<ChainFinding> found, CancellationToken ct)
    {
        await foreach (var batch in batches.ReadAllAsync(ct))
        {
            foreach (var row in batch)
            {
                if (row.Problem() is { } problem)
                {
                    found(new ChainFinding(row.StreamId, row.Version, problem));
                }
            }
        }
    }

    private static async Task CheckStreamRecordsAsync(NpgsqlConnection connection, Action<ChainFinding> found, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(StreamRecordsSql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var streamId = reader.GetString(0);
            var last = reader.GetInt64(2);
            if (reader.IsDBNull(1))
            {
                found(new ChainFinding(streamId, last, "has events but no stream record: written outside the ledger"));
                continue;
            }

            var recorded = reader.GetInt64(1);
            found(last < recorded
                ? new ChainFinding(streamId, last + 1, $"missing (truncated): the stream record says the stream reached version {recorded}")
                : new ChainFinding(streamId, recorded + 1, $"beyond the stream record's version {recorded}: written outside the ledger"));
        }
    }
}
