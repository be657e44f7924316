using BsiLedger.EventStore.Index;
using Microsoft.Extensions.Logging;

namespace BsiLedger.Grains.Releases;

/// <summary>
/// A long-lived silo's first act: wake every release, so one whose rollout or recall was under way when the last
/// process stopped (or was killed) takes its steps again without waiting for an operator. A release with nothing to
/// do is idle on activation and deactivates as any idle grain does.
/// </summary>
/// <remarks>
/// A release that cannot be woken is logged and left for its next command: one bad stream must not keep the silo,
/// and every other rollout, from starting. The list of releases itself needs the database, as the silo's start does.
/// </remarks>
public sealed class RolloutResumption(ILedgerIndex index, IGrainFactory grains, ILogger<RolloutResumption> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var releases = await index.AllReleasesAsync(cancellationToken);
        await Task.WhenAll(releases.Select(async id =>
        {
            try
            {
                await grains.GetGrain<IReleaseGrain>(id).Status();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Release {Release} could not be woken; its rollout resumes on its next command", id);
            }
        }));
    }
}
