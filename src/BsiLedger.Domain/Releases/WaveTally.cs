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

    public WaveTally Plus(OfferOutcome outcome) => Plus(outcome, 1);

    /// <summary>The tally of many outcomes, counted in one pass: what folding <see cref="Plus(OfferOutcome)"/> over them gives, without a record per device.</summary>
    public static WaveTally Of(IEnumerable<OfferOutcome> outcomes)
    {
        Span<int> counts = stackalloc int[(int)OfferOutcome.Withdrawn + 1];
        foreach (var outcome in outcomes)
        {
            if ((uint)outcome >= (uint)counts.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(outcomes), outcome, "not an offer outcome");
            }

            counts[(int)outcome]++;
        }

        var tally = Empty;
        for (var outcome = 0; outcome < counts.Length; outcome++)
        {
            tally = counts[outcome] == 0 ? tally : tally.Plus((OfferOutcome)outcome, counts[outcome]);
        }

        return tally;
    }

    private WaveTally Plus(OfferOutcome outcome, int n) => outcome switch
    {
        OfferOutcome.Ineligible => this with { Targeted = Targeted + n, Skipped = Skipped with { Ineligible = Skipped.Ineligible + n } },
        OfferOutcome.AutoInstallOff => this with { Targeted = Targeted + n, Skipped = Skipped with { AutoInstallOff = Skipped.AutoInstallOff + n } },
        OfferOutcome.MdmForbids => this with { Targeted = Targeted + n, Skipped = Skipped with { MdmForbids = Skipped.MdmForbids + n } },
        OfferOutcome.Offline => this with { Targeted = Targeted + n, Skipped = Skipped with { Offline = Skipped.Offline + n } },
        OfferOutcome.Awaiting => this with { Targeted = Targeted + n, Awaiting = Awaiting + n },
        OfferOutcome.Installed or OfferOutcome.Withdrawn => this with { Targeted = Targeted + n, Installed = Installed + n },
        OfferOutcome.Applied => this with { Targeted = Targeted + n, Installed = Installed + n, Applied = Applied + n },
        OfferOutcome.Failed => this with { Targeted = Targeted + n, Failed = Failed + n },
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not an offer outcome"),
    };
}
