using System.Collections.Immutable;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Releases;
using BsiLedger.Testing;

namespace BsiLedger.Grains.Tests.Rollouts;

/// <summary>A product line of its own (a unique base version) with enrolled devices and releases to roll out over it.</summary>
public sealed class TestFleet(IGrainFactory grains, Platform platform, OsVersion baseVersion)
{
    public static readonly Cause Operator = Cause.Operator("test-operator");

    public OsVersion Base => baseVersion;

    public ReleaseId Release(char letter) => new(platform, baseVersion, letter);

    public static TestFleet NewLine(IGrainFactory grains) =>
        new(grains, Platform.iOS, OsVersion.Parse(UniqueIds.BaseVersion()));

    public async Task<IReadOnlyList<string>> EnrollAsync(int count, Func<int, EnrollDevice>? customise = null)
    {
        var prefix = UniqueIds.Device("fleet");
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D6}").ToArray();
        await BoundedFanOut.RunAsync(ids, 32, async id =>
        {
            var index = int.Parse(id[^6..], System.Globalization.CultureInfo.InvariantCulture);
            var command = customise?.Invoke(index) is { } custom ? custom with { DeviceId = id, Cause = Operator }
                : new EnrollDevice(id, platform, "iPhone18,1", baseVersion, true, false, MdmPolicy.None, Operator);
            var outcome = await Device(id).Execute(command, Provenance.NewCommand());
            Assert.Equal(CommandStatus.Accepted, outcome.Status);
            return outcome;
        });
        return ids;
    }

    public IDeviceGrain Device(string id) => grains.GetGrain<IDeviceGrain>(id);

    public IReleaseGrain ReleaseGrain(ReleaseId release) => grains.GetGrain<IReleaseGrain>(release.ToString());

    public async Task PublishAndPlanAsync(ReleaseId release, RolloutPlan plan, ReleaseId? supersedes = null)
    {
        var grain = ReleaseGrain(release);
        var published = await grain.Execute(new PublishRelease(release, ["WebKit"], ["CVE-2026-20001"], Activation.Relaunch, supersedes, Operator), Provenance.NewCommand());
        Assert.Equal(CommandStatus.Accepted, published.Status);
        var planned = await grain.Execute(new PlanRollout(release, plan, Operator), Provenance.NewCommand());
        Assert.Equal(CommandStatus.Accepted, planned.Status);
    }

    /// <summary>Publishes and plans the release and starts its rollout: its grain, with the first wave begun.</summary>
    public async Task<IReleaseGrain> StartedAsync(ReleaseId release, RolloutPlan plan)
    {
        await PublishAndPlanAsync(release, plan);
        var grain = ReleaseGrain(release);
        Assert.Equal(CommandStatus.Accepted, (await grain.Start(Operator, Provenance.NewCommand())).Status);
        return grain;
    }

    public static RolloutPlan Plan(int minSample, params (double Share, double SoakHours, double Threshold)[] waves) =>
        new([.. waves.Select(w => new WavePlan(w.Share, TimeSpan.FromHours(w.SoakHours), w.Threshold))], minSample);

    public static ImmutableArray<string> InCohort(IEnumerable<string> ids, ReleaseId release, double from, double to) =>
        [.. ids.Where(id => Cohort.Position(release, id) is var p && p >= from && p < to)];
}
