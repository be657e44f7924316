using System.Data;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// Recomputes every stream's hash chain from the rows as stored, checks each stream's versions run from 1 without a
/// gap up to the version its stream record holds, and, given a digest, recomputes the tree up to the digest's last
/// sequence. One read-only snapshot, shared by as many connections as <paramref name="partitions"/> (by default one
/// per processor), each reading its own range of streams; rows stream through, so memory does not grow with the ledger.
/// </summary>
public sealed class LedgerVerifier(string connectionString, int partitions = 0)
{
    public const int FindingsKept = 1000;

    // A stream record that disagrees with its events: a tail cut off, or events added past it outside the ledger.
    private static readonly string StreamRecordsSql = $"""
        select coalesce(s.id, e.stream_id), s.version, coalesce(e.last, 0)
        from {LedgerStoreOptions.Schema}.mt_streams s
        full join (select stream_id, max(version) as last from {LedgerStoreOptions.Schema}.mt_events group by stream_id) e
            on e.stream_id = s.id
        where s.version is distinct from e.last and {LedgerStoreOptions.LedgerStreamsOnly("coalesce(s.id, e.stream_id)")}
        """;

    public async Task<VerificationReport> VerifyAsync(LedgerDigest? digest, Action<long>? progress, CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var readOnly = new NpgsqlCommand("set transaction read only", connection))
        {
            await readOnly.ExecuteNonQueryAsync(ct);
        }

        var gate = new Lock();
        var findings = new List<ChainFinding>();
        var total = 0L;
        void Found(ChainFinding finding)
        {
            lock (gate)
            {
                total++;
                if (findings.Count < FindingsKept)
                {
                    findings.Add(finding);
                }
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
    /// Recomputing the links is most of the work, and reading rows in stream order is most of the rest: each range
    /// of streams gets a connection and a thread of its own, in the snapshot this transaction exports.
    /// </summary>
    private async Task<(long Events, long Streams)> VerifyChainsAsync(NpgsqlConnection connection, Action<ChainFinding> found, Action<long>? progress, CancellationToken ct)
    {
        await using var export = new NpgsqlCommand("select pg_export_snapshot()", connection);
        var snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        var ranges = await StreamRange.SplitAsync(connection, $"{LedgerStoreOptions.Schema}.mt_streams", partitions > 0 ? partitions : Environment.ProcessorCount, ct);

        var gate = new Lock();
        var read = 0L;
        void Progressed(int rows)
        {
            lock (gate)
            {
                read += rows;
                progress?.Invoke(read);
            }
        }

        var results = await Task.WhenAll(ranges.Select(range =>
            Task.Run(() => new ChainPartition(connectionString, snapshot, range).VerifyAsync(found, Progressed, ct), ct)));
        return (results.Sum(r => r.Events), results.Sum(r => r.Streams));
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
