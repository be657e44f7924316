using BsiLedger.EventStore.Journal;
using Marten;
using Npgsql;

namespace BsiLedger.EventStore.Index;

public sealed class MartenLedgerIndex(IDocumentStore store) : ILedgerIndex
{
    public async Task<IReadOnlyList<string>> FleetMembersAsync(string line, int fromBucket, int toBucket, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.QuerySession();
            return await session.Query<FleetMember>()
                .Where(m => m.Line == line && m.Bucket >= fromBucket && m.Bucket < toBucket)
                .OrderBy(m => m.Id)
                .Select(m => m.Id)
                .ToListAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new JournalUnavailableException($"could not read the fleet registry of {line}: {e.Message}", e);
        }
    }

    public Task<IReadOnlyList<string>> ReleasesAsync(string line, CancellationToken cancellationToken) =>
        ReleaseIdsAsync(releases => releases.Where(r => r.Line == line), $"the releases of {line}", cancellationToken);

    public Task<IReadOnlyList<string>> AllReleasesAsync(CancellationToken cancellationToken) =>
        ReleaseIdsAsync(releases => releases, "the releases", cancellationToken);

    private async Task<IReadOnlyList<string>> ReleaseIdsAsync(
        Func<IQueryable<ReleaseListing>, IQueryable<ReleaseListing>> which, string what, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.QuerySession();
            return await which(session.Query<ReleaseListing>()).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new JournalUnavailableException($"could not read {what}: {e.Message}", e);
        }
    }

    public async Task<long> EventCountAsync(CancellationToken cancellationToken)
    {
        try
        {
            var statistics = await store.Advanced.FetchEventStoreStatistics(token: cancellationToken);
            return statistics.EventCount;
        }
        catch (NpgsqlException e)
        {
            throw new JournalUnavailableException($"could not count the ledger's events: {e.Message}", e);
        }
    }
}
