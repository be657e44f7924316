using BsiLedger.EventStore.Journal;
using Marten;
using Npgsql;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// Settles appends whose transaction failed without saying whether it committed (the connection dropped mid-commit,
/// the server restarted): each stream is read at the version the append would have started, never written again
/// blindly. Found with the append's own first event id: it committed. Found with another: another writer's append
/// won, a conflict. Not found: it did not commit, and going again is safe because it is conditional.
/// </summary>
internal sealed class UnknownOutcomes(IDocumentStore store)
{
    private static readonly string Sql = $"""
        select s.stream_id, e.id
        from unnest(@streams, @versions) as s(stream_id, version)
        join {LedgerStoreOptions.Schema}.mt_events e on e.stream_id = s.stream_id and e.version = s.version
        """;

    /// <summary>Completes the appends that committed or lost to another writer; returns the ones to send again.</summary>
    public async Task<List<PendingAppend>> SettleAsync(List<PendingAppend> appends, Action<PendingAppend> committed)
    {
        var found = await FirstEventIdsAsync(appends);
        var uncommitted = new List<PendingAppend>(appends.Count);
        foreach (var append in appends)
        {
            if (!found.TryGetValue(append.StreamId, out var id))
            {
                uncommitted.Add(append);
            }
            else if (id == append.FirstEventId)
            {
                committed(append);
            }
            else
            {
                append.Failed(new StreamConflictException(append.StreamId, append.ExpectedVersion));
            }
        }

        return uncommitted;
    }

    private async Task<Dictionary<string, Guid>> FirstEventIdsAsync(List<PendingAppend> appends)
    {
        await using var session = store.QuerySession();
        await using var command = new NpgsqlCommand(Sql);
        command.Parameters.AddWithValue("streams", appends.Select(a => a.StreamId).ToArray());
        command.Parameters.AddWithValue("versions", appends.Select(a => a.ExpectedVersion + 1).ToArray());
        var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var reader = await session.ExecuteReaderAsync(command, CancellationToken.None);
        while (await reader.ReadAsync())
        {
            found[reader.GetString(0)] = reader.GetGuid(1);
        }

        return found;
    }
}
