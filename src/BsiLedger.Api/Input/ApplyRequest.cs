namespace BsiLedger.Api.Input;

/// <summary><c>POST /devices/{id}/apply</c>: the release activated, and how (by default the release's own kind, as published).</summary>
public sealed record ApplyRequest(string? Release, string? Activation = null);
