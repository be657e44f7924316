namespace BsiLedger.Operations.Audit;

/// <summary>One event of a device's history: where it stands in the stream, both clocks, what it was about and why it was written.</summary>
public sealed record HistoryRow(
    long Version, DateTimeOffset At, string Type, string? Release, string Cause,
    string CorrelationId, string CausationId, DateTimeOffset StoredAt, object Event);
