namespace BsiLedger.Api.Input;

/// <summary><c>POST /releases/{id}/recall</c>: why.</summary>
public sealed record ReasonRequest(string? Reason);
