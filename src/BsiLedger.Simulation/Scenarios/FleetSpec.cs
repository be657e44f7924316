using System.Collections.Immutable;
using System.Globalization;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>
/// The simulated fleet. <see cref="ManagedForbid"/> is a fraction of the managed devices; every other
/// fraction is of the whole fleet. Offline devices are reachable only at check-ins, every <see cref="CheckInEvery"/>.
/// Without <see cref="InstallDelay"/> and <see cref="ApplyDelay"/> (here or on a kind of the mix) a device installs
/// and applies an offer the moment it gets it.
/// </summary>
public sealed record FleetSpec(
    int Devices,
    ImmutableArray<FleetMix> Mix,
    double AutoInstallOff,
    double Managed,
    double ManagedForbid,
    double Offline,
    TimeSpan CheckInEvery)
{
    public const int MaxDevices = 10_000_000;

    /// <summary>Shares of the mix may miss 1 by this much, so that 1/3 + 1/3 + 1/3 written as decimals adds up.</summary>
    public const double ShareTolerance = 1e-6;

    public static TimeSpan DefaultCheckInEvery { get; } = TimeSpan.FromHours(6);

    /// <summary>From an offer the device got to its install's outcome, for the kinds of the mix that give none.</summary>
    public ReportDelay? InstallDelay { get; init; }

    /// <summary>From an install to its apply (for a restart; see <see cref="Fleet.SimulatedFleet.ApplyDelay"/>), for the kinds that give none.</summary>
    public ReportDelay? ApplyDelay { get; init; }

    /// <summary>Whether any device takes time to install or apply.</summary>
    public bool TakesTime => InstallDelay is not null || ApplyDelay is not null || Mix.Any(m => m.InstallDelay is not null || m.ApplyDelay is not null);

    /// <summary>What is wrong with the fleet, naming the field relative to <c>fleet</c>, or null.</summary>
    public string? Problem()
    {
        if (DevicesProblem(Devices) is { } devices)
        {
            return $"devices: {devices}";
        }

        if (Mix.IsDefaultOrEmpty)
        {
            return "mix: name at least one platform, OS version and model with its share";
        }

        for (var i = 0; i < Mix.Length; i++)
        {
            if (Mix[i].Problem() is { } problem)
            {
                return $"mix[{i}].{problem}";
            }

            var mix = Mix[i];
            var first = Mix.Select(m => (m.Platform, m.Os, m.Model)).ToList().IndexOf((mix.Platform, mix.Os, mix.Model));
            if (first < i)
            {
                return $"mix[{i}]: {mix.Platform} {mix.Os} {mix.Model} is given twice (also at index {first})";
            }
        }

        var sum = Mix.Sum(m => m.Share);
        if (Math.Abs(sum - 1) > ShareTolerance)
        {
            return $"mix: the shares add up to {sum.ToString("0.######", CultureInfo.InvariantCulture)}, not 1";
        }

        return ScenarioRules.Delay("installDelay", InstallDelay)
            ?? ScenarioRules.Delay("applyDelay", ApplyDelay)
            ?? ScenarioRules.Fraction("autoInstallOff", AutoInstallOff)
            ?? ScenarioRules.Fraction("managed", Managed)
            ?? ScenarioRules.Fraction("managedForbid", ManagedForbid)
            ?? ScenarioRules.Fraction("offline", Offline)
            ?? (CheckInEvery <= TimeSpan.Zero ? $"checkInEvery: {Durations.Format(CheckInEvery)} must be longer than zero" : null);
    }

    public static string? DevicesProblem(int devices) =>
        devices is < 1 or > MaxDevices ? $"{devices} must be from 1 to 10,000,000 devices" : null;
}
