using BsiLedger.EventStore.Marten;
using Npgsql;

namespace BsiLedger.Bench;

/// <summary>
/// An empty table shaped like Marten's events table, for the ceiling to copy into; dropped on dispose.
/// It keeps the columns, defaults, checks, primary key and unique (stream, version) index, so each copied
/// row pays the same index upkeep as an appended one, and it is logged, so the copy pays the same WAL and
/// fsync. LIKE never copies foreign keys: its rows need no stream rows beside them.
/// </summary>
public sealed class ScratchEventsTable : IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;

    private ScratchEventsTable(NpgsqlDataSource database, string name)
    {
        _database = database;
        Name = name;
    }

    public string Name { get; }

    public static async Task<ScratchEventsTable> CreateAsync(NpgsqlDataSource database, string runId, CancellationToken ct)
    {
        var name = $"{LedgerStoreOptions.Schema}.bench_events_{runId}";
        await using var create = database.CreateCommand(
            $"create table {name} (like {EventRows.EventsTable} including defaults including constraints including indexes)");
        await create.ExecuteNonQueryAsync(ct);
        return new ScratchEventsTable(database, name);
    }

    public async ValueTask DisposeAsync()
    {
        await using var drop = _database.CreateCommand($"drop table if exists {Name}");
        await drop.ExecuteNonQueryAsync();
    }
}
