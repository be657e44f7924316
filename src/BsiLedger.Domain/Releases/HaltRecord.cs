namespace BsiLedger.Domain.Releases;

/// <summary>The figures an automatic halt was computed from, and how much of the wave's slice it had been offered (null before that was recorded).</summary>
[GenerateSerializer, Immutable, Alias("bsi.halt-record")]
public sealed record HaltRecord(
    [property: Id(0)] int Wave,
    [property: Id(1)] int Attempts,
    [property: Id(2)] int Failures,
    [property: Id(3)] double FailureRate,
    [property: Id(4)] double Threshold,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] int? Offered = null,
    [property: Id(7)] int? NotOffered = null);
