using System.Collections.Frozen;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Simulation.Fleet;

namespace BsiLedger.Simulation.Runs;

/// <summary>
/// Makes the simulated devices' reports that have fallen due, through the device grains as a live device's report
/// would go, so the ledger's gates apply to them (an install of a release recalled meanwhile is refused). An install
/// queues its apply for when the device next restarts or relaunches.
/// </summary>
public sealed class DeviceReporter(IGrainFactory grains, SimulatedFleet fleet, PendingReports reports, int concurrency)
{
    private readonly FrozenDictionary<ReleaseId, Activation> _activations =
        fleet.Scenario.Releases.ToFrozenDictionary(r => r.Id, r => r.Activation);

    public int Pending => reports.Count;

    /// <summary>Every report due by <paramref name="now"/>, an apply that falls due at once included.</summary>
    public async Task ReportDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        while (reports.TakeDue(now) is { Count: > 0 } due)
        {
            // One device's reports are made in the order they fell due; devices report in parallel.
            await Parallel.ForEachAsync(due.GroupBy(r => r.DeviceId), parallel, async (device, _) =>
            {
                foreach (var report in device)
                {
                    await ReportAsync(report, now);
                }
            });
        }
    }

    private async Task ReportAsync(DeviceReport report, DateTimeOffset now)
    {
        var self = Cause.Device(report.DeviceId);
        DeviceCommand command = report.Kind switch
        {
            DeviceReportKind.Installed => new InstallBsi(report.DeviceId, report.Release, self),
            DeviceReportKind.InstallFailed => new ReportInstallFailure(report.DeviceId, report.Release, SimulatedAgent.InstallFailure, self),
            _ => new ApplyBsi(report.DeviceId, report.Release, _activations[report.Release], self),
        };
        var outcome = await grains.GetGrain<IDeviceGrain>(report.DeviceId).Execute(command, Provenance.NewCommand());
        if (report.Kind == DeviceReportKind.Installed && outcome.Status == CommandStatus.Accepted)
        {
            reports.Add(report with { At = now + fleet.ApplyDelay(report.DeviceId, report.Release), Kind = DeviceReportKind.Applied });
        }
    }
}
