using Npgsql;

namespace BsiLedger.EventStore.Tests.Writer;

/// <summary>
/// Every row a ledger's appends wrote, as text lines comparable across two databases: what differs by nature (event
/// ids after the first, timestamps, sequence numbers other writers or tombstones took) is left out or ranked.
/// </summary>
internal static class StoredLedger
{
    private static readonly string[] Queries =
    [
        """
        select 'event ' || rank() over (order by seq_id) || ' ' || concat_ws(' | ', stream_id, version, type, data::text, mt_dotnet_type,
            correlation_id, causation_id, headers::text, tenant_id, bdata is null, is_archived)
        from bsiledger.mt_events where stream_id <> 'mt_tombstone' order by seq_id
        """,
        """
        select 'first event ' || stream_id || ' ' || id from bsiledger.mt_events where version = 1 and stream_id <> 'mt_tombstone' order by stream_id
        """,
        """
        select 'stream ' || concat_ws(' | ', id, coalesce(type, '(null)'), version, tenant_id, is_archived, compacted_version,
            timestamp = created)
        from bsiledger.mt_streams where id <> 'mt_tombstone' order by id
        """,
        DocumentQuery("mt_doc_devicestate"),
        DocumentQuery("mt_doc_fleetmember", "line", "bucket"),
        DocumentQuery("mt_doc_releaselisting"),
        """
        select 'report ' || concat_ws(' | ', release, device_id, position, outcome) from bsiledger.bsi_install_reports order by release, device_id
        """,
    ];

    public static async Task<List<string>> ReadAsync(string connectionString)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var query in Queries)
        {
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        return lines;
    }

    /// <param name="duplicated">The columns Marten keeps a document's members in besides its JSON.</param>
    private static string DocumentQuery(string table, params string[] duplicated) =>
        $"select '{table} ' || concat_ws(' | ', id, data::text, mt_version, mt_dotnet_type{string.Concat(duplicated.Select(c => ", " + c))}) from bsiledger.{table} order by id";
}
