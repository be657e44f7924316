using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Releases;

namespace BsiLedger.Grains.Telemetry;

/// <summary>
/// What a release grain last knew of its rollout, in the silo that hosts it: the current wave's failure rate over the
/// attempts of its last tally, against the threshold that halts it, and how many exposed devices an open recall still
/// waits for. While the wave runs, its failure rate is over what its devices have reported so far; a paced wave still
/// offering has its rate.
/// </summary>
public sealed record ReleaseReading(string Silo, ReleaseId Release, int? Wave, double FailureRate, double Threshold, int Attempts, int? RecallPending, double? OfferRate = null)
{
    /// <param name="reported">The running wave's reports as last counted, when they were.</param>
    public static ReleaseReading Of(string silo, Release release, RecallProgress? recall, ReportedOutcomes? reported)
    {
        var wave = release.CurrentWave;
        var pending = release.Recall switch
        {
            null => (int?)null,
            { IsComplete: true } => 0,
            _ => recall?.Pending,
        };
        if (wave is null || release.Plan is null)
        {
            return new ReleaseReading(silo, release.Id, null, 0, 0, 0, pending);
        }

        var tally = wave.TallyWith(reported);
        return new ReleaseReading(silo, release.Id, wave.Index, tally.FailureRate, release.Plan.Waves[wave.Index].FailureThreshold, tally.Attempts, pending, release.OfferRate);
    }
}
