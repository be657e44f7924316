using BsiLedger.Domain;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Grains.Commands;
using Orleans.Concurrency;

namespace BsiLedger.Grains.Releases;

/// <summary>
/// One release and its rollout, keyed by the release id (<c>iOS 26.3.1 (a)</c>); its events live in the stream of
/// the same id. Fan-outs can take minutes on a large fleet, hence the long response timeouts.
/// </summary>
[Alias("bsi.release-grain")]
public interface IReleaseGrain : IGrainWithStringKey
{
    /// <summary>Publish, plan, pause or resume.</summary>
    [Alias("execute"), ResponseTimeout("01:00:00")]
    Task<CommandOutcome> Execute(ReleaseCommand command, Provenance provenance);

    /// <summary>Starts the rollout: the first wave's offers go out, then <c>WaveStarted</c> records what they found.</summary>
    [Alias("start"), ResponseTimeout("01:00:00")]
    Task<CommandOutcome> Start(Cause cause, Provenance provenance);

    /// <summary>
    /// Records the recall, stops the rollout, and withdraws the release from every reachable device that has it. Runs
    /// beside a wave's fan-out (which would otherwise hold it back until every offer had gone out): the shards see the
    /// recall in the ledger and send no more offers.
    /// </summary>
    [Alias("recall"), ResponseTimeout("01:00:00"), AlwaysInterleave]
    Task<CommandOutcome> Recall(string reason, Cause cause, Provenance provenance);

    /// <summary>Takes every step due on the domain clock (soak ends, next waves, recall re-drives); returns the status after.</summary>
    [Alias("advance"), ResponseTimeout("01:00:00")]
    Task<ReleaseSnapshot> Advance();

    [Alias("status")]
    Task<ReleaseSnapshot> Status();
}
