using BsiLedger.EventStore.Journal;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;

namespace BsiLedger.Cli.Hosting;

/// <summary>The global options every command shares.</summary>
public sealed record LedgerSettings(string? Connection, string DataDirectory, TelemetryMode Telemetry, bool Json, int? MaxConnections = null, TimeSpan? OutageTolerance = null, string Cluster = SharedCluster.DefaultId)
{
    public const string ConnectionVariable = "BSILEDGER_CONNECTION";

    /// <summary>The journal as this command runs it: waiting out a database outage for --outage-tolerance.</summary>
    public JournalOptions Journal => JournalWaitingAtMost(JournalOptions.DefaultOutageTolerance);

    /// <summary>As <see cref="Journal"/>, for a command whose own default wait differs (a server answers 503 sooner).</summary>
    public JournalOptions JournalWaitingAtMost(TimeSpan defaultTolerance) => new() { OutageTolerance = OutageTolerance ?? defaultTolerance };

    /// <summary>--connection wins, then the environment; null means the embedded server.</summary>
    public string? ExplicitConnection =>
        !string.IsNullOrWhiteSpace(Connection) ? Connection
        : Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
