using BsiLedger.EventStore.Marten;
using Npgsql;

namespace BsiLedger.Bench;

/// <summary>
/// Rows of Marten's events table exactly as stored, every column, read back so they can be copied.
/// The columns come from the catalogue, so the copy keeps the table's shape whatever Marten stores.
/// </summary>
public sealed class EventRows
{
    public const string EventsTable = $"{LedgerStoreOptions.Schema}.mt_events";

    private readonly IReadOnlyList<(string Name, string DataType)> _columns;
    private readonly List<object?[]> _rows;

    private EventRows(IReadOnlyList<(string Name, string DataType)> columns, List<object?[]> rows)
    {
        _columns = columns;
        _rows = rows;
    }

    public int Count => _rows.Count;

    /// <summary>The rows of every stream whose id starts with <paramref name="streamPrefix"/>, in append order.</summary>
    public static async Task<EventRows> ReadAsync(NpgsqlDataSource database, string streamPrefix, CancellationToken ct)
    {
        var columns = await ColumnsAsync(database, ct);
        await using var select = database.CreateCommand(
            $"select {ColumnList(columns)} from {EventsTable} where starts_with(stream_id, $1) order by seq_id");
        select.Parameters.Add(new NpgsqlParameter { Value = streamPrefix });
        await using var reader = await select.ExecuteReaderAsync(ct);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new EventRows(columns, rows);
    }

    /// <summary>All rows in one binary COPY, which commits when it completes.</summary>
    public async Task CopyAsync(NpgsqlConnection connection, string table, Progress? progress, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"copy {table} ({ColumnList(_columns)}) from stdin (format binary)", ct);
        foreach (var row in _rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is { } value)
                {
                    await writer.WriteAsync(value, _columns[i].DataType, ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }
            }

            progress?.Add(1);
        }

        await writer.CompleteAsync(ct);
    }

    private static async Task<IReadOnlyList<(string Name, string DataType)>> ColumnsAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var query = database.CreateCommand(
            "select column_name, udt_name from information_schema.columns where table_schema = $1 and table_name = 'mt_events' order by ordinal_position");
        query.Parameters.Add(new NpgsqlParameter { Value = LedgerStoreOptions.Schema });
        await using var reader = await query.ExecuteReaderAsync(ct);
        var columns = new List<(string, string)>();
        while (await reader.ReadAsync(ct))
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    private static string ColumnList(IEnumerable<(string Name, string DataType)> columns) =>
        string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
}
