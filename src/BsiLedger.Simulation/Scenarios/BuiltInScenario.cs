using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>
/// The scenario <c>bsi simulate</c> runs without <c>--scenario</c>: one BSI for each of four product lines,
/// four paced waves each, on devices that take hours to install and longer to apply. The iPhone17,3 fails one
/// install in five, which puts iOS 26.3.1 (a) at about 6% failures against a 3% threshold: it halts inside a wave,
/// as the failures of the first devices offered come in, with most of the wave never offered (at 10,000 devices
/// the 1% canary is too small to judge; at a million it is not). macOS 26.3.2 (a) is recalled at 60h, during its
/// 10% wave. See docs/scenarios.md.
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
                new FleetMix(Platform.macOS, OsVersion.Parse("26.2"), "Mac16,1", 0.20)
                {
                    InstallDelay = new ReportDelay(TimeSpan.FromHours(6), TimeSpan.FromHours(24)),
                },
            ],
            AutoInstallOff: 0.05,
            Managed: 0.20,
            ManagedForbid: 0.25,
            Offline: 0.10,
            CheckInEvery: TimeSpan.FromHours(6))
        {
            InstallDelay = new ReportDelay(TimeSpan.FromHours(2), TimeSpan.FromHours(12)),
            ApplyDelay = new ReportDelay(TimeSpan.FromHours(8), TimeSpan.FromHours(36)),
        };

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

    // One wave's failure rate counts once it has 1% of the fleet in attempts, from 20 to 1,000: up to 100,000 devices
    // that is more than any line's 1% canary holds and less than the iOS line's 10% wave does; above, a canary is
    // large enough to judge. A wave is weighed at every step as its reports come in, so a sample this size also keeps
    // a healthy release (1% failures against a 3% threshold) from halting on an early run of bad luck; from 1,000
    // attempts up that luck is out of reach. The 10% and 50% waves start slowly and double their rate after every
    // minimum sample of installs, so the first failures arrive while most of the wave waits.
    private static RolloutPlan Plan(int devices)
    {
        var minSample = Math.Clamp(devices / 100, 20, 1_000);
        var rate = Math.Max(1, devices / 2_000.0);
        return new RolloutPlan(
            [
                new WavePlan(0.01, TimeSpan.FromHours(24), 0.05, WavePacing.Spread(TimeSpan.FromHours(12))),
                new WavePlan(0.10, TimeSpan.FromHours(48), 0.03, WavePacing.Rate(rate, 2, minSample, RampBasis.Successes, rate * 32)),
                new WavePlan(0.50, TimeSpan.FromHours(48), 0.03, WavePacing.Rate(rate * 4, 2, minSample, RampBasis.Successes, rate * 128)),
                new WavePlan(1.00, TimeSpan.FromHours(24), 0.03, WavePacing.Spread(TimeSpan.FromHours(24))),
            ],
            minSample);
    }
}
