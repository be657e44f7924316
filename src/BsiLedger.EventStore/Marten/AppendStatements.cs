using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.ReadModels;
using Marten;
using Marten.Linq.Members;
using Marten.Schema;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// The set-based statements that write a batch into Marten's event schema (decision 0017): one per table, each over
/// arrays bound as parameters, whatever the number of streams. Their columns are the ones Marten's own Rich append
/// writes, so Marten reads the rows back as its own (<c>MartenSchemaContractTests</c> and
/// <c>SetBasedAppendsRoundTripTests</c> hold them to that). Built once per store, in the store's schema.
/// </summary>
internal sealed class AppendStatements
{
    /// <summary>The tenant every row of the ledger's is written under: Marten's default tenant.</summary>
    public const string Tenant = "*DEFAULT*";

    private readonly Dictionary<Type, (string Upsert, string Read)> _documents;

    public AppendStatements(IReadOnlyStoreOptions options)
    {
        var schema = options.Events.DatabaseSchemaName;
        MoveStreams = $"""
            update {schema}.mt_streams as s set version = r.new
            from unnest(@ids, @expected, @new) as r(id, expected, new)
            where s.id = r.id and s.version = r.expected
            returning s.id
            """;
        StartStreams = $"""
            insert into {schema}.mt_streams (id, type, version, tenant_id)
            select r.id, null, r.version, '{Tenant}' from unnest(@ids, @versions) as r(id, version)
            order by r.id
            on conflict (id) do nothing
            returning id
            """;
        InsertEvents = $"""
            insert into {schema}.mt_events
                (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers)
            select nextval('{schema}.mt_events_sequence'), r.id, r.stream_id, r.version, r.data, r.type, @timestamp, '{Tenant}',
                r.dotnet_type, r.correlation_id, r.causation_id,
                case when r.hash is not null then jsonb_build_object('{MartenEventJournal.HashHeader}', encode(r.hash, 'hex')) end
            from unnest(@ids, @streams, @versions, @data, @types, @dotnet_types, @correlation_ids, @causation_ids, @hashes)
                with ordinality as r(id, stream_id, version, data, type, dotnet_type, correlation_id, causation_id, hash, ord)
            order by r.ord
            """;
        // The document tables as Marten maps them, so they follow the store's schema and naming.
        _documents = new[] { typeof(DeviceState), typeof(FleetMember), typeof(ReleaseListing) }
            .ToDictionary(type => type, type => Documents(options.FindOrResolveDocumentType(type)));
    }

    /// <summary>
    /// The appended streams that were at their expected version, moved to their new one. A stream not returned moved
    /// (or never existed): its append alone is refused, and it drew no sequence number. Rows are locked in id order.
    /// </summary>
    public string MoveStreams { get; }

    /// <summary>
    /// The new streams that were not there yet. A stream not returned collided with one another writer created: its
    /// append alone is refused. <c>timestamp</c> and <c>created</c> are the column defaults, as Marten leaves them.
    /// </summary>
    public string StartStreams { get; }

    /// <summary>
    /// The events, each numbered from Marten's sequence inside this transaction, after every refusal, in the order of
    /// the arrays (stream by stream, version by version): exactly one number per row, none drawn for a refused append.
    /// Each chain hash is bound as its 32 bytes and becomes Marten's headers, <c>{"hash": "&lt;hex&gt;"}</c>, here.
    /// </summary>
    public string InsertEvents { get; }

    public static string UpsertInstallReports { get; } = $"""
        insert into {InstallReportProjection.TableName} (release, device_id, position, outcome)
        select * from unnest(@releases, @devices, @positions, @outcomes)
        {InstallReportProjection.OnConflict}
        """;

    /// <summary>A document table's rows as Marten's inline projections upsert them, the stream's new version as <c>mt_version</c>.</summary>
    public string UpsertDocuments(Type document) => _documents[document].Upsert;

    /// <summary>The documents of a table the batch folds events into, as they stand while their streams are locked.</summary>
    public string ReadDocuments(Type document) => _documents[document].Read;

    /// <remarks>
    /// A member Marten keeps in a column of its own (a duplicated field) is taken from the bound JSON with Marten's own
    /// expression for it, so the column cannot disagree with the document.
    /// </remarks>
    private static (string Upsert, string Read) Documents(IDocumentType document)
    {
        var table = document.TableName.QualifiedName;
        var duplicated = document.DuplicatedFields.Select(DuplicatedColumn).ToArray();
        var columns = string.Concat(duplicated.Select(d => $", {d.Column}"));
        var values = string.Concat(duplicated.Select(d => $", {d.Value}"));
        var updates = string.Concat(duplicated.Select(d => $", {d.Column} = excluded.{d.Column}"));
        return (
            $"""
            insert into {table} (id, data, mt_version, mt_dotnet_type, mt_last_modified{columns})
            select r.id, r.data, r.version, @dotnet_type, transaction_timestamp(){values}
            from unnest(@ids, @data, @versions) as r(id, data, version)
            on conflict (id) do update set data = excluded.data, mt_version = excluded.mt_version,
                mt_dotnet_type = excluded.mt_dotnet_type, mt_last_modified = excluded.mt_last_modified{updates}
            """,
            $"select id, data from {table} where id = any(@ids)");
    }

    /// <summary>The column and its value over <c>data</c>, from Marten's own update of it (<c>"column" = expression</c>).</summary>
    private static (string Column, string Value) DuplicatedColumn(DuplicatedField field)
    {
        var update = field.UpdateSqlFragment();
        var assignment = $"\"{field.ColumnName.ToLowerInvariant()}\" = ";
        if (!update.StartsWith(assignment, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Marten updates its duplicated column {field.ColumnName} as '{update}', which the writer does not know");
        }

        return (field.ColumnName.ToLowerInvariant(), update[assignment.Length..]);
    }
}
