using BsiLedger.Host;

namespace BsiLedger.Cli.Hosting;

/// <summary>The global options every command shares.</summary>
public sealed record LedgerSettings(string? Connection, string DataDirectory, TelemetryMode Telemetry, bool Json, int? MaxConnections = null)
{
    public const string ConnectionVariable = "BSILEDGER_CONNECTION";

    /// <summary>--connection wins, then the environment; null means the embedded server.</summary>
    public string? ExplicitConnection =>
        !string.IsNullOrWhiteSpace(Connection) ? Connection
        : Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
