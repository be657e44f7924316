namespace BsiLedger.Domain.Releases;

/// <summary>The figures an automatic halt was computed from.</summary>
[GenerateSerializer, Immutable, Alias("bsi.halt-record")]
public sealed record HaltRecord(
    [property: Id(0)] int Wave,
    [property: Id(1)] int Attempts,
    [property: Id(2)] int Failures,
    [property: Id(3)] double FailureRate,
    [property: Id(4)] double Threshold,
    [property: Id(5)] DateTimeOffset At);
