using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>
/// The scenario <c>bsi simulate</c> runs without <c>--scenario</c>: one BSI for each of four product lines,
/// four waves each. The iPhone17,3 fails one install in five, which puts iOS 26.3.1 (a) at about 6% failures
/// against a 3% threshold: it halts in the first wave with the minimum sample (the 10% wave, or the 50% one
/// on an unlucky draw; the 1% canary is too small to judge). macOS 26.3.2 (a) is recalled at 60h, during
/// its 10% wave. See docs/scenarios.md.
/// </summary>
public static class BuiltInScenario
{
    public const string BadModel = "iPhone17,3";

    public static readonly ReleaseId Halting = ReleaseId.Parse("iOS 26.3.1 (a)");
    public static readonly ReleaseId Recalled = ReleaseId.Parse("macOS 26.3.2 (a)");

    public static Scenario Create(int devices = 10_000, int seed = 42)
    {
        if (FleetSpec.DevicesProblem(devices) is { } problem)
        {
            throw new ScenarioException($"--devices: {problem}");
        }

        var fleet = new FleetSpec(
            devices,
            [
                new FleetMix(Platform.iOS, OsVersion.Parse("26.3.1"), "iPhone18,1", 0.25),
                new FleetMix(Platform.iOS, OsVersion.Parse("26.3.1"), BadModel, 0.10),
                new FleetMix(Platform.iPadOS, OsVersion.Parse("26.3.1"), "iPad16,3", 0.15),
                new FleetMix(Platform.macOS, OsVersion.Parse("26.3.2"), "Mac17,2", 0.30),
                new FleetMix(Platform.macOS, OsVersion.Parse("26.2"), "Mac16,1", 0.20),
            ],
            AutoInstallOff: 0.05,
            Managed: 0.20,
            ManagedForbid: 0.25,
            Offline: 0.10,
            CheckInEvery: TimeSpan.FromHours(6));

        var plan = Plan(devices);
        return new Scenario(
            seed,
            fleet,
            [
                new ReleaseSpec(Halting, ["WebKit"], ["CVE-2026-20101", "CVE-2026-20102"], Activation.Restart, null, 0.01,
                    [new ModelFailureRate(BadModel, 0.20)], plan),
                new ReleaseSpec(ReleaseId.Parse("iPadOS 26.3.1 (a)"), ["WebKit"], ["CVE-2026-20101", "CVE-2026-20102"], Activation.Restart, null, 0.01, [], plan),
                new ReleaseSpec(Recalled, ["Safari"], ["CVE-2026-20103"], Activation.Relaunch, null, 0.01, [], plan),
                new ReleaseSpec(ReleaseId.Parse("macOS 26.2 (a)"), ["WebKit", "libxml2"], ["CVE-2026-20101", "CVE-2026-20104"], Activation.Restart, null, 0.01, [], plan),
            ],
            new RecallSpec(Recalled, TimeSpan.FromHours(60), "Safari fails to load some sign-in pages"));
    }

    // One wave's failure rate counts once it has 0.5% of the fleet in attempts (at least 20): with the fleet's
    // mix that is more than any line's 1% canary holds and less than its 10% wave does (from about 2,000 devices up).
    private static RolloutPlan Plan(int devices) => new(
        [
            new WavePlan(0.01, TimeSpan.FromHours(24), 0.05),
            new WavePlan(0.10, TimeSpan.FromHours(48), 0.03),
            new WavePlan(0.50, TimeSpan.FromHours(48), 0.03),
            new WavePlan(1.00, TimeSpan.Zero, 0.03),
        ],
        Math.Max(20, devices / 200));
}
