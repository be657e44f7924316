namespace BsiLedger.Operations.Audit;

/// <summary>What a device ran at an instant of domain time, or after its N-th event.</summary>
/// <param name="StreamVersion">How many of the device's events the answer folds in (its stream version then).</param>
/// <param name="LastEventAt">The domain time of the last of them.</param>
public sealed record AtAnswer(
    string Device,
    DateTimeOffset? Instant,
    long? Version,
    bool Enrolled,
    long StreamVersion,
    DateTimeOffset? LastEventAt,
    string? Platform,
    string? Os,
    string? Model,
    string? Applied,
    string? Staged);
