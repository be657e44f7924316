namespace BsiLedger.Api.Input;

/// <summary><c>POST /releases/{id}/plan</c>: the waves in order (shares cumulative) and the sample a halt needs; <c>minSample</c> defaults to 100.</summary>
public sealed record PlanRequest(WaveRequest[]? Waves, int? MinSample = null);
