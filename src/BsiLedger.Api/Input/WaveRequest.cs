namespace BsiLedger.Api.Input;

/// <summary>One wave as <c>GET /releases/{id}</c> shows it: fractions (0.01 is 1%) and a soak such as <c>24h</c>.</summary>
public sealed record WaveRequest(double? Share, string? Soak, double? FailureThreshold);
