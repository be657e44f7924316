using System.CommandLine;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Hosting;

/// <summary>Options every command takes: where the data lives, where telemetry goes, JSON output.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = $"PostgreSQL connection string (Npgsql form, e.g. \"Host=db;Username=bsi;Password=…;Database=bsiledger\"); defaults to ${LedgerSettings.ConnectionVariable}, else an embedded server in --data-dir",
        Recursive = true,
    };

    public static readonly Option<string> DataDirectory = new("--data-dir")
    {
        Description = "Where the embedded PostgreSQL keeps its data between runs",
        DefaultValueFactory = _ => "./.bsiledger",
        Recursive = true,
    };

    public static readonly Option<string> Telemetry = new("--telemetry")
    {
        Description = "Traces and metrics: none, console (to stderr) or otlp (configured by OTEL_EXPORTER_OTLP_* variables)",
        DefaultValueFactory = _ => "console",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write the result as one JSON document on stdout, and nothing else there",
        Recursive = true,
    };

    public static readonly Option<int?> MaxConnections = new("--max-connections")
    {
        Description = $"Most database connections this process opens; defaults to ${ConnectionBudget.Variable}, else 2 per core + 2 (at most {ConnectionBudget.Ceiling}). A Maximum Pool Size in the connection string wins",
        Recursive = true,
    };

    public static readonly Option<TimeSpan?> OutageTolerance = new("--outage-tolerance")
    {
        Description = "How long to wait out a database that dropped its connections, restarted or is full, before failing with exit 3 (e.g. 00:01:00, the default; 00:00:05 for serve, whose clients retry a 503; 00:00:00 fails at once)",
        Recursive = true,
    };

    public static readonly Option<string> Cluster = new("--cluster")
    {
        Description = $"The cluster's id: bsi serve silos started with the same id on one database form one cluster, and other commands go to it while it is live (letters, digits, '.', '_', '-'); defaults to ${ClusterVariable}, else {SharedCluster.DefaultId}",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ClusterVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : SharedCluster.DefaultId,
        Recursive = true,
    };

    public const string ClusterVariable = "BSILEDGER_CLUSTER";

    public static IEnumerable<Option> All => [Connection, DataDirectory, Telemetry, Json, MaxConnections, OutageTolerance, Cluster];

    public static LedgerSettings Read(ParseResult parse) => new(
        parse.GetValue(Connection),
        parse.GetValue(DataDirectory) ?? "./.bsiledger",
        parse.GetValue(Telemetry) switch
        {
            "none" => TelemetryMode.None,
            "console" => TelemetryMode.Console,
            "otlp" => TelemetryMode.Otlp,
            var other => throw new UsageException($"--telemetry: '{other}' is not a telemetry mode: expected none, console or otlp"),
        },
        parse.GetValue(Json),
        parse.GetValue(MaxConnections) switch
        {
            null => null,
            > 0 and var given => given,
            var other => throw new UsageException($"--max-connections: {other} is not a number of connections: expected a whole number of at least 1, e.g. {ConnectionBudget.Default}"),
        },
        parse.GetValue(OutageTolerance) switch
        {
            null => null,
            { Ticks: >= 0 } given => given,
            var other => throw new UsageException($"--outage-tolerance: {other} is negative: expected a duration such as 00:01:00, or 00:00:00 to fail at once"),
        },
        parse.GetValue(Cluster) is { } cluster && ClusterIds.IsValid(cluster)
            ? cluster
            : throw new UsageException(
                $"--cluster: '{parse.GetValue(Cluster)}' is not a cluster id: use 1 to {ClusterIds.MaxLength} letters, digits, '.', '_' or '-', e.g. --cluster {SharedCluster.DefaultId}"));
}
