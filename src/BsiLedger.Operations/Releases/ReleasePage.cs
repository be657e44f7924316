using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace BsiLedger.Operations.Releases;

/// <summary>
/// Published releases a page at a time, in ordinal order of their ids (<c>GET /releases</c>); <see cref="Next"/> is the
/// <c>after</c> that asks for the following page, null on the last.
/// </summary>
public sealed record ReleasePage(IReadOnlyList<ReleaseSummary> Releases, string? Next)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    // Ordinal ("C") so that the order, and so the pages, do not depend on the database's locale.
    private static readonly string IdsSql = $"""
        select id from {LedgerStoreOptions.Schema}.mt_doc_{nameof(ReleaseListing).ToLowerInvariant()}
        where @after is null or id collate "C" > @after
        order by id collate "C"
        limit @limit
        """;

    /// <summary>
    /// The ids come from the release listing; each release's state from its own stream, folded by
    /// <see cref="Release.Apply"/> as its grain folds it, and its running wave's reports from the index, counted for the
    /// whole page at once as its grain counts them, so a row says what the release's own document says and no grain is
    /// woken to answer a list.
    /// </summary>
    public static async Task<ReleasePage> ReadAsync(IDocumentStore store, IEventJournal journal, ILedgerIndex index, ReleaseId? after, int limit, CancellationToken ct)
    {
        var ids = await IdsAsync(store, after, limit + 1, ct);
        var releases = new List<Release>(Math.Min(limit, ids.Count));
        foreach (var id in ids.Take(limit))
        {
            var events = await journal.ReadAsync(id, 0, ct);
            releases.Add(events.Select(e => e.Data).OfType<IReleaseEvent>().Aggregate(Release.Unpublished(ReleaseId.Parse(id)), (state, e) => state.Apply(e)));
        }

        var running = releases
            .Select(r => r is { Plan: { } plan, CurrentWave: { IsRunning: true } wave } ? new ReportRange(r.Id, plan.ShareBefore(wave.Index), wave.Share) : null)
            .OfType<ReportRange>()
            .ToList();
        var reported = await index.ReportedAsync(running, ct);
        var rows = releases.Select(r => ReleaseSummary.Of(r, reported.GetValueOrDefault(r.Id))).ToList();
        return new ReleasePage(rows, ids.Count > limit ? rows[^1].Release : null);
    }

    private static async Task<IReadOnlyList<string>> IdsAsync(IDocumentStore store, ReleaseId? after, int limit, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        await using var command = new NpgsqlCommand(IdsSql);
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Text) { Value = after?.ToString() ?? (object)DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
