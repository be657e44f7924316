using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.ReadModels;
using Marten;

namespace BsiLedger.Operations.Audit;

/// <summary>
/// Every device that ran a release, from when to when (domain time), and what ended it
/// (<c>bsi audit exposed</c>, <c>GET /audit/releases/{id}/exposed</c>). Read from the exposure-window projection,
/// caught up first when no daemon has run since the last append.
/// </summary>
public sealed record Exposure(ReleaseId Release, IReadOnlyList<ExposureWindow> Windows, ExposureTotals Totals)
{
    /// <summary>How long the catch-up may take: a ledger whose daemon fell far behind is caught up once, here.</summary>
    internal static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(10);

    /// <summary>Null when the release was never published.</summary>
    public static async Task<Exposure?> ListAsync(IDocumentStore store, ReleaseId release, CancellationToken ct)
    {
        await using (var session = store.QuerySession())
        {
            if (await session.LoadAsync<ReleaseListing>(release.ToString(), ct) is null)
            {
                return null;
            }
        }

        await ReadModelProgress.CatchUpAsync(store, CatchUpLimit, ct);
        var windows = await ExposureWindows.ForReleaseAsync(store, release, ct);
        return new Exposure(release, windows, ExposureTotals.Of(windows));
    }

    public object Document() => new
    {
        release = Release.ToString(),
        windows = Windows.Select(w => ExposureWindowFields.Of("device", w.DeviceId, w)),
        totals = Totals,
    };
}
