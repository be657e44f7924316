using BsiLedger.Domain.Releases;

namespace BsiLedger.EventStore.Index;

/// <summary>The ledger's lookups that are not one stream: who is in a line's shard, which releases a line has.</summary>
public interface ILedgerIndex
{
    /// <summary>The device ids of <paramref name="line"/> whose partition bucket is in [fromBucket, toBucket).</summary>
    Task<IReadOnlyList<string>> FleetMembersAsync(string line, int fromBucket, int toBucket, CancellationToken cancellationToken);

    /// <summary>The ids of every release published for <paramref name="line"/>.</summary>
    Task<IReadOnlyList<string>> ReleasesAsync(string line, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="release"/> is published and whether it was recalled, read from its stream as committed now.</summary>
    Task<ReleaseStatus> ReleaseStatusAsync(ReleaseId release, CancellationToken cancellationToken);

    /// <summary>
    /// What the devices whose cohort position in <paramref name="release"/>'s rollout is in [<paramref name="from"/>,
    /// <paramref name="to"/>) have reported on it, as committed now.
    /// </summary>
    Task<ReportedOutcomes> ReportedAsync(ReleaseId release, double from, double to, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ReportedAsync(ReleaseId, double, double, CancellationToken)"/> for many releases' ranges in one
    /// statement, by release (one range per release).
    /// </summary>
    Task<IReadOnlyDictionary<ReleaseId, ReportedOutcomes>> ReportedAsync(IReadOnlyCollection<ReportRange> ranges, CancellationToken cancellationToken);

    /// <summary>How many events the ledger holds, all streams together.</summary>
    Task<long> EventCountAsync(CancellationToken cancellationToken);
}
