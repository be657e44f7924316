using BsiLedger.Domain.Devices.Events;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Postgres;
using BsiLedger.EventStore.ReadModels;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// Writes a batch of appends into Marten's event schema in one transaction of set-based statements (decision 0017):
/// first every refusal is decided (a recalled release, a stream that moved, a stream another writer started) and the
/// accepted streams' rows are locked, then the events are numbered from Marten's sequence and inserted, and the inline
/// read models upserted, one statement per table. A refused append is refused alone and draws no sequence number, so
/// the async daemon never meets a gap it would have to skip.
/// </summary>
internal sealed class SetBasedAppends
{
    // What Marten writes in mt_dotnet_type for an event: the type's full name and its assembly's.
    private static readonly Dictionary<Type, string> DotnetTypes = LedgerEventTypes.All.ToDictionary(
        e => e.Type, e => $"{e.Type.FullName}, {e.Type.Assembly.GetName().Name}");

    private readonly IDocumentStore _store;
    private readonly LedgerJsonSerializer _serializer;
    private readonly AppendStatements _sql;
    private readonly string _schema;

    public SetBasedAppends(IDocumentStore store)
    {
        _store = store;
        _serializer = LedgerJsonSerializer.Of(store);
        _schema = store.Options.Events.DatabaseSchemaName;
        _sql = new AppendStatements(store.Options);
    }

    /// <summary>Writes every append that can be written and commits; returns the ones refused because their stream moved.</summary>
    /// <param name="appends">At most one append per stream.</param>
    /// <exception cref="RecalledReleases">Some appends report on a recalled release; nothing was written.</exception>
    public async Task<IReadOnlyList<PendingAppend>> WriteAsync(IReadOnlyList<PendingAppend> appends)
    {
        await using var connection = _store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var decision = await DecideAsync(connection, transaction, appends);
        if (decision.Accepted.Count > 0)
        {
            await WriteAcceptedAsync(connection, transaction, decision);
        }

        await transaction.CommitAsync();
        return decision.Refused;
    }

    private async Task<BatchDecision> DecideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PendingAppend> appends)
    {
        var gate = ReleaseGateLocks.For(appends);
        var moving = appends.Where(a => a.ExpectedVersion > 0).OrderBy(a => a.StreamId, StringComparer.Ordinal).ToArray();
        var starting = appends.Where(a => a.ExpectedVersion == 0).ToArray();
        var devices = moving.Where(a => a.Events.Any(e => e.Data is IDeviceEvent)).Select(a => a.StreamId).ToArray();
        var moves = moving.Where(a => a.Events.Any(e => e.Data is OsUpdated)).Select(a => a.StreamId).ToArray();

        await using var batch = new NpgsqlBatch(connection, transaction);
        // A batch's few set-based statements cost little to plan each time (HotStatementPlanning says why it matters).
        batch.BatchCommands.Add(new NpgsqlBatchCommand(HotStatementPlanning.ForTransaction));
        gate?.AddTo(batch, _schema);
        Add(batch, _sql.MoveStreams, moving.Length, p =>
        {
            p.AddWithValue("ids", moving.Select(a => a.StreamId).ToArray());
            p.AddWithValue("expected", moving.Select(a => a.ExpectedVersion).ToArray());
            p.AddWithValue("new", moving.Select(a => a.NewHead.Version).ToArray());
        });
        Add(batch, _sql.StartStreams, starting.Length, p =>
        {
            p.AddWithValue("ids", starting.Select(a => a.StreamId).ToArray());
            p.AddWithValue("versions", starting.Select(a => a.NewHead.Version).ToArray());
        });
        Add(batch, _sql.ReadDocuments(typeof(DeviceState)), devices.Length, p => p.AddWithValue("ids", devices));
        Add(batch, _sql.ReadDocuments(typeof(FleetMember)), moves.Length, p => p.AddWithValue("ids", moves));
        // Each command's answer is read in order; the reader starts on the plan setting's.
        await using var reader = await batch.ExecuteReaderAsync();
        if (gate is not null && await gate.ReadAsync(reader) is { Count: > 0 } recalled)
        {
            throw new RecalledReleases(recalled);
        }

        var written = new HashSet<string>(appends.Count, StringComparer.Ordinal);
        if (moving.Length > 0)
        {
            await ReadIdsAsync(reader, written);
        }

        if (starting.Length > 0)
        {
            await ReadIdsAsync(reader, written);
        }

        var deviceStates = devices.Length > 0 ? await ReadDocumentsAsync<DeviceState>(reader) : [];
        var members = moves.Length > 0 ? await ReadDocumentsAsync<FleetMember>(reader) : [];
        var accepted = appends.Where(a => written.Contains(a.StreamId)).ToList();
        var refused = appends.Where(a => !written.Contains(a.StreamId)).ToList();
        return new BatchDecision(accepted, refused, deviceStates, members);
    }

    private async Task WriteAcceptedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BatchDecision decision)
    {
        var documents = BatchDocuments.Fold(decision.Accepted, decision.Devices, decision.Members, _serializer);
        await using var batch = new NpgsqlBatch(connection, transaction);
        // Inserts and upserts over arrays have only one plan; what planning them each time costs is the foreign key's.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(HotStatementPlanning.CachedPlans));
        Add(batch, _sql.InsertEvents, 1, p => BindEvents(p, decision.Accepted));
        foreach (var table in documents.Tables)
        {
            Add(batch, _sql.UpsertDocuments(table.Document), table.Count, table.Bind);
        }

        Add(batch, AppendStatements.UpsertInstallReports, documents.Reports.Count, documents.Reports.Bind);
        await batch.ExecuteNonQueryAsync();
    }

    private static void BindEvents(NpgsqlParameterCollection parameters, List<PendingAppend> appends)
    {
        var count = appends.Sum(a => a.Events.Count);
        var (ids, streams, versions, data, types, dotnetTypes) = (new Guid[count], new string[count], new long[count], new byte[count][], new string[count], new string[count]);
        var (correlations, causations, hashes) = (new string[count], new string[count], new byte[]?[count]);
        var row = 0;
        foreach (var append in appends)
        {
            for (var i = 0; i < append.Events.Count; i++, row++)
            {
                var e = append.Events[i];
                ids[row] = i == 0 ? append.FirstEventId : Guid.CreateVersion7();
                streams[row] = append.StreamId;
                versions[row] = append.ExpectedVersion + i + 1;
                data[row] = append.Json[i];
                (types[row], dotnetTypes[row]) = (LedgerEventTypes.NameOf(e.Data.GetType())!, DotnetTypes[e.Data.GetType()]);
                (correlations[row], causations[row]) = (e.Provenance.CorrelationId, e.Provenance.CausationId);
                hashes[row] = append.Hashes[i] == EventHash.None ? null : Digest(append.Hashes[i]);
            }
        }

        parameters.AddWithValue("ids", ids);
        parameters.AddWithValue("streams", streams);
        parameters.AddWithValue("versions", versions);
        parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = data });
        parameters.AddWithValue("types", types);
        parameters.AddWithValue("dotnet_types", dotnetTypes);
        parameters.AddWithValue("correlation_ids", correlations);
        parameters.AddWithValue("causation_ids", causations);
        parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = hashes });
        parameters.AddWithValue("timestamp", DateTimeOffset.UtcNow);
    }

    private static byte[] Digest(EventHash hash)
    {
        var bytes = new byte[EventHash.Size];
        hash.CopyTo(bytes);
        return bytes;
    }

    private static void Add(NpgsqlBatch batch, string sql, int rows, Action<NpgsqlParameterCollection> bind)
    {
        if (rows == 0)
        {
            return;
        }

        var command = new NpgsqlBatchCommand(sql);
        bind(command.Parameters);
        batch.BatchCommands.Add(command);
    }

    private static async Task ReadIdsAsync(NpgsqlDataReader reader, HashSet<string> ids)
    {
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
    }

    private async Task<Dictionary<string, T>> ReadDocumentsAsync<T>(NpgsqlDataReader reader)
    {
        await reader.NextResultAsync();
        var documents = new Dictionary<string, T>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            documents[reader.GetString(0)] = _serializer.FromJson<T>(reader, 1);
        }

        return documents;
    }

    private sealed record BatchDecision(
        List<PendingAppend> Accepted, List<PendingAppend> Refused, IReadOnlyDictionary<string, DeviceState> Devices, IReadOnlyDictionary<string, FleetMember> Members);
}
