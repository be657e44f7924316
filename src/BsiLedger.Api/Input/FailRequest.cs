namespace BsiLedger.Api.Input;

/// <summary><c>POST /devices/{id}/fail</c>: the release whose install failed, and why.</summary>
public sealed record FailRequest(string? Release, string? Reason);
