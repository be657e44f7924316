using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Index;
using BsiLedger.Grains.Releases;
using BsiLedger.Grains.Releases.Reports;

namespace BsiLedger.Simulation.Runs;

/// <summary>
/// A release's report as the ledger holds it once the run is over. Devices that take hours report after their wave's
/// tally was taken (or after its halt or recall), so each wave's installed, applied and failed are what its devices had
/// reported by the end; its targeted and skipped stay what its offers found. The blast radius counts the line once.
/// </summary>
public static class EndOfRunRelease
{
    public static async Task<ReleaseReport> ReadAsync(ILedgerIndex index, ReleaseSnapshot status, CancellationToken cancellationToken)
    {
        var release = status.Release;
        var plan = release.Plan!;
        var report = ReleaseReport.From(status);
        var waves = new List<WaveReport>(report.Waves.Length);
        foreach (var wave in report.Waves)
        {
            var reported = await index.ReportedAsync(release.Id, plan.ShareBefore(wave.Index), wave.Share, cancellationToken);
            var skipped = wave.Skipped.AutoInstallOff + wave.Skipped.MdmForbids + wave.Skipped.Ineligible + wave.Skipped.Offline;
            waves.Add(wave with
            {
                Installed = reported.Installed,
                Applied = reported.Applied,
                Failed = reported.Failed,
                Awaiting = Math.Max(0, wave.Targeted - skipped - reported.Installed - reported.Failed),
            });
        }

        return report with { Waves = [.. waves], BlastRadius = await BlastRadiusAsync(index, release.Id, plan, cancellationToken) };
    }

    private static async Task<BlastRadius> BlastRadiusAsync(ILedgerIndex index, ReleaseId release, RolloutPlan plan, CancellationToken cancellationToken)
    {
        var installed = (await index.ReportedAsync(release, 0, 1, cancellationToken)).Installed;
        var line = await index.FleetMembersAsync(ProductLine.Of(release), 0, FleetPartition.Buckets, cancellationToken);
        var reach = plan.Waves[^1].Share;
        return new BlastRadius(installed, line.Count(id => Cohort.Contains(release, id, reach)));
    }
}
