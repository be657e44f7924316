using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Releases.Reports;

namespace BsiLedger.Operations.Releases;

/// <summary>
/// One release in <c>GET /releases</c>: what <c>GET /releases/{id}</c> says of it in brief. <see cref="CurrentWave"/> is
/// the index of the last wave started (null before the rollout starts); <see cref="Halted"/> and <see cref="Recalled"/>
/// are true once the release's document has a <c>halted</c> or a <c>recall</c>, so a halt an operator resumed still shows.
/// </summary>
/// <param name="Applied">Devices that applied it, over every wave started: the sum of the waves' <c>applied</c> (a running
/// wave's as its devices have reported so far).</param>
/// <param name="Attempts">The current wave's <c>attempts</c>, as its document says; null before the rollout starts.</param>
/// <param name="FailureRate">The current wave's <c>failureRate</c>; null before the rollout starts.</param>
/// <param name="Threshold">The current wave's failure threshold in the plan; null before the rollout starts.</param>
public sealed record ReleaseSummary(
    string Release, string Phase, int? CurrentWave, bool Halted, bool Recalled, int Applied, int? Attempts, double? FailureRate, double? Threshold)
{
    /// <param name="reported">What the devices of the release's running wave have reported so far; null without one.</param>
    public static ReleaseSummary Of(Release release, ReportedOutcomes? reported)
    {
        var current = release.CurrentWave is { } wave ? WaveReport.From(wave, offerRate: null, reported) : null;
        return new(release.Id.ToString(), ReleaseReport.PhaseOf(release), current?.Index, release.Halt is not null, release.Recall is not null,
            release.Waves.Sum(w => w.TallyWith(w.Index == current?.Index ? reported : null).Applied), current?.Attempts, current?.FailureRate,
            current is null ? null : release.Plan!.Waves[current.Index].FailureThreshold);
    }
}
