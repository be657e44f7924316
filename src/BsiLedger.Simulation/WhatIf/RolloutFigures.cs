using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// A rollout of one release summed up, the actual one or a replay, computed the same way from each device's course:
/// its plan, each wave, the halt, the devices that installed it and failed, those exposed to it when it was recalled,
/// those whose outcome no one can know (<see cref="Unknown"/>: offered by the replay, never by the actual rollout, on a
/// ledger with no model of its devices), and the hours from the rollout's start until 50% and 90% of the eligible fleet
/// (the line's devices no rollout skips) had installed it.
/// </summary>
public sealed record RolloutFigures(
    PlanFigures Plan,
    IReadOnlyList<WaveFigures> Waves,
    HaltFigures? Halted,
    int Installed,
    int Failed,
    int Exposed,
    ExposureFigures? Exposure,
    int Unknown,
    double? TimeTo50,
    double? TimeTo90)
{
    public static RolloutFigures Of(Release release, IReadOnlyList<DeviceCourse> courses, DateTimeOffset start)
    {
        var plan = release.Plan!;
        var offered = courses.Where(c => c.Offered).ToArray();
        var waves = Enumerable.Range(0, plan.Waves.Length).Select(index =>
        {
            var slice = offered.Where(c => c.Wave == index).ToArray();
            return new WaveFigures(index, slice.Length, slice.Count(c => c.InstalledAt is not null), slice.Count(c => c.AppliedAt is not null),
                slice.Count(c => c.FailedAt is not null), slice.Count(c => c.Device.Skip is not null));
        });
        var installed = courses.Where(c => c.InstalledAt is not null).ToArray();
        var eligible = courses.Count(c => c.Device.Skip is null);
        return new RolloutFigures(
            PlanFigures.Of(plan),
            [.. waves],
            HaltFigures.Of(release.Halt),
            installed.Length,
            courses.Count(c => c.FailedAt is not null),
            release.Recall is null ? 0 : installed.Length,
            release.Recall is null ? null : ExposureOf(installed),
            offered.Count(c => c.Device.Behaviour.Fate.Outcome == InstallFate.Unknown && c.Device.Skip is null),
            HoursUntil(installed, eligible, 0.5, start),
            HoursUntil(installed, eligible, 0.9, start));
    }

    private static ExposureFigures ExposureOf(DeviceCourse[] installed)
    {
        var hours = installed.Where(c => c.WithdrawnAt is not null).Select(c => (c.WithdrawnAt!.Value - c.InstalledAt!.Value).TotalHours).Order().ToArray();
        return new ExposureFigures(
            installed.Length,
            installed.Length - hours.Length,
            hours.Sum(),
            hours.Length == 0 ? 0 : hours[hours.Length / 2],
            hours.Length == 0 ? 0 : hours[^1]);
    }

    /// <summary>Hours from the start until <paramref name="share"/> of the eligible fleet had installed the release; null if it never did.</summary>
    private static double? HoursUntil(DeviceCourse[] installed, int eligible, double share, DateTimeOffset start)
    {
        var needed = (int)Math.Ceiling(share * eligible);
        if (needed == 0 || installed.Length < needed)
        {
            return null;
        }

        var times = installed.Select(c => c.InstalledAt!.Value).Order().ToArray();
        return (times[needed - 1] - start).TotalHours;
    }
}
