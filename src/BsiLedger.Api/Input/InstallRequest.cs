namespace BsiLedger.Api.Input;

/// <summary><c>POST /devices/{id}/install</c>: the release the device staged.</summary>
public sealed record InstallRequest(string? Release);
