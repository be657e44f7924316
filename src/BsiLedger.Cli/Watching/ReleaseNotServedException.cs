namespace BsiLedger.Cli.Watching;

/// <summary>The server knows no such release: exit 1, as an unknown release is for every command.</summary>
public sealed class ReleaseNotServedException(string message) : Exception(message);
