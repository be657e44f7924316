namespace BsiLedger.Domain.Releases.Pacing;

/// <summary>
/// The pure rule of a paced wave: from its pacing, its progress, the size of its slice and the domain clock, how many
/// more offers are due. The rate between two steps is the one the progress at the first of them gives, so the same
/// steps at the same times give the same offers on every run and every silo.
/// </summary>
public static class WavePacer
{
    /// <param name="successes">Successful installs in the wave's slice so far, as last tallied.</param>
    public static PacingStep Step(WavePacing pacing, PacingProgress progress, int slice, int successes, DateTimeOffset now)
    {
        var left = Math.Max(0, slice - progress.Offered);
        var hours = Math.Max(0, (now - progress.CountedTo).TotalHours);
        // Never more than the slice: a ramp without a cap can grow the rate past any number of devices.
        var allowance = Math.Min(slice, progress.Allowance + pacing.PerHour(progress.Offered, progress.Successes, slice) * hours);
        var due = Math.Clamp((int)Math.Floor(allowance) - progress.Offered, 0, left);
        var countedTo = now > progress.CountedTo ? now : progress.CountedTo;
        return new PacingStep(due, progress with { CountedTo = countedTo, Allowance = allowance, Offered = progress.Offered + due, Successes = successes });
    }
}
