namespace BsiLedger.Api.Input;

/// <summary>
/// One wave as <c>GET /releases/{id}</c> shows it: fractions (0.01 is 1%), a soak such as <c>24h</c>, and optionally
/// its pacing (without one, the wave's offers go out at once when it starts).
/// </summary>
public sealed record WaveRequest(double? Share, string? Soak, double? FailureThreshold, PacingRequest? Pacing = null);
