namespace BsiLedger.Domain.Releases;

/// <summary>
/// The devices of one wave's slice (those whose cohort position falls between the previous wave's share and
/// this wave's) by where they stand. Installed counts every device that staged the release, applied or not.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.wave-tally")]
public sealed record WaveTally(
    [property: Id(0)] int Targeted,
    [property: Id(1)] int Installed,
    [property: Id(2)] int Applied,
    [property: Id(3)] int Failed,
    [property: Id(4)] int Awaiting,
    [property: Id(5)] SkipCounts Skipped)
{
    public static WaveTally Empty { get; } = new(0, 0, 0, 0, 0, SkipCounts.None);

    /// <summary>Install attempts with a known result: the sample a failure rate is computed over.</summary>
    public int Attempts => Installed + Failed;

    public double FailureRate => Attempts == 0 ? 0 : (double)Failed / Attempts;

    public WaveTally Plus(WaveTally other) => new(
        Targeted + other.Targeted, Installed + other.Installed, Applied + other.Applied,
        Failed + other.Failed, Awaiting + other.Awaiting, Skipped.Plus(other.Skipped));

    /// <summary>
    /// The offers' tally with what the slice's devices have reported since: a device offered while it was still
    /// deciding counted as awaiting, and counts as installed or failed once it says so.
    /// </summary>
    public WaveTally With(ReportedOutcomes reported) => this with
    {
        Installed = reported.Installed,
        Applied = reported.Applied,
        Failed = reported.Failed,
        Awaiting = Math.Max(0, Targeted - Skipped.Total - reported.Installed - reported.Failed),
    };

    public WaveTally Plus(OfferOutcome outcome) => outcome switch
    {
        OfferOutcome.Ineligible => this with { Targeted = Targeted + 1, Skipped = Skipped with { Ineligible = Skipped.Ineligible + 1 } },
        OfferOutcome.AutoInstallOff => this with { Targeted = Targeted + 1, Skipped = Skipped with { AutoInstallOff = Skipped.AutoInstallOff + 1 } },
        OfferOutcome.MdmForbids => this with { Targeted = Targeted + 1, Skipped = Skipped with { MdmForbids = Skipped.MdmForbids + 1 } },
        OfferOutcome.Offline => this with { Targeted = Targeted + 1, Skipped = Skipped with { Offline = Skipped.Offline + 1 } },
        OfferOutcome.Awaiting => this with { Targeted = Targeted + 1, Awaiting = Awaiting + 1 },
        OfferOutcome.Installed or OfferOutcome.Withdrawn => this with { Targeted = Targeted + 1, Installed = Installed + 1 },
        OfferOutcome.Applied => this with { Targeted = Targeted + 1, Installed = Installed + 1, Applied = Applied + 1 },
        OfferOutcome.Failed => this with { Targeted = Targeted + 1, Failed = Failed + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not an offer outcome"),
    };
}
