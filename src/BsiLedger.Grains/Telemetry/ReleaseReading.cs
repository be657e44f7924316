using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Releases;

namespace BsiLedger.Grains.Telemetry;

/// <summary>
/// What a release grain last knew of its rollout, in the silo that hosts it: the current wave's failure rate over the
/// attempts of its last tally, against the threshold that halts it, and how many exposed devices an open recall still
/// waits for.
/// </summary>
public sealed record ReleaseReading(string Silo, ReleaseId Release, int? Wave, double FailureRate, double Threshold, int Attempts, int? RecallPending)
{
    public static ReleaseReading Of(string silo, Release release, RecallProgress? recall)
    {
        var wave = release.CurrentWave;
        var pending = release.Recall switch
        {
            null => (int?)null,
            { IsComplete: true } => 0,
            _ => recall?.Pending,
        };
        return wave is null || release.Plan is null
            ? new ReleaseReading(silo, release.Id, null, 0, 0, 0, pending)
            : new ReleaseReading(silo, release.Id, wave.Index, wave.Latest.FailureRate, release.Plan.Waves[wave.Index].FailureThreshold, wave.Latest.Attempts, pending);
    }
}
