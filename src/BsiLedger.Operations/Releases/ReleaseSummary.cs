using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Releases.Reports;

namespace BsiLedger.Operations.Releases;

/// <summary>
/// One release in <c>GET /releases</c>: what <c>GET /releases/{id}</c> says of it in brief. <see cref="CurrentWave"/> is
/// the index of the last wave started (null before the rollout starts); <see cref="Halted"/> and <see cref="Recalled"/>
/// are true once the release's document has a <c>halted</c> or a <c>recall</c>, so a halt an operator resumed still shows.
/// </summary>
public sealed record ReleaseSummary(string Release, string Phase, int? CurrentWave, bool Halted, bool Recalled)
{
    public static ReleaseSummary Of(Release release) =>
        new(release.Id.ToString(), ReleaseReport.PhaseOf(release), release.CurrentWave?.Index, release.Halt is not null, release.Recall is not null);
}
