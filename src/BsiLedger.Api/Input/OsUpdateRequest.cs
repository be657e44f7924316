namespace BsiLedger.Api.Input;

/// <summary><c>POST /devices/{id}/os-update</c>: the new base OS version.</summary>
public sealed record OsUpdateRequest(string? To);
