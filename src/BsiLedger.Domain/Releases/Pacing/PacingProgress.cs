namespace BsiLedger.Domain.Releases.Pacing;

/// <summary>
/// Where a paced wave stands: the offers its rate has allowed so far (fractional: an hour at 2.5 per hour allows
/// 2.5), the offers sent, the successful installs among them, and the domain time the allowance was last brought up
/// to. Paused time is not counted: resuming moves <see cref="CountedTo"/> to the resumption.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.pacing-progress")]
public sealed record PacingProgress(
    [property: Id(0)] DateTimeOffset CountedTo,
    [property: Id(1)] double Allowance,
    [property: Id(2)] int Offered,
    [property: Id(3)] int Successes)
{
    public static PacingProgress StartedAt(DateTimeOffset at) => new(at, 0, 0, 0);

    public PacingProgress ResumedAt(DateTimeOffset at) => this with { CountedTo = at };
}
