using System.Diagnostics;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;

namespace BsiLedger.Bench;

/// <summary>Phase A: every command through its device grain, so every event is one conditional append.</summary>
public sealed class GrainPathPhase(IGrainFactory grains, string runId)
{
    public const string Name = "grain path";

    /// <summary>One device end to end, untimed, so activation and first-use costs stay out of the figures.</summary>
    public Task WarmUpAsync() => DriveAsync($"bench-{runId}-warm", progress: null);

    public async Task<PhaseResult> RunAsync(int devices, int concurrency, CancellationToken ct)
    {
        var total = (long)devices * DeviceScript.EventsPerDevice;
        await using var progress = new Progress(Name, total);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, devices),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (i, _) => await DriveAsync($"bench-{runId}-{i}", progress));
        return new PhaseResult(total, clock.Elapsed.TotalSeconds);
    }

    private async Task DriveAsync(string deviceId, Progress? progress)
    {
        var grain = grains.GetGrain<IDeviceGrain>(deviceId);
        foreach (var command in DeviceScript.Commands(deviceId))
        {
            var outcome = await grain.Execute(command, Provenance.NewCommand());
            if (outcome.Status != CommandStatus.Accepted || outcome.EventsAppended != 1)
            {
                throw new InvalidOperationException(
                    $"{deviceId}: {command.GetType().Name} was {outcome.Status} ({outcome.Error?.Code}); the benchmark expects one event per command");
            }

            progress?.Add(1);
        }
    }
}
