using System.CommandLine;

namespace BsiLedger.Bench;

/// <summary>What one benchmark run measures and where its figures go.</summary>
public sealed record BenchOptions(string? Connection, int Devices, int Concurrency, string OutFile, bool Traced)
{
    public const string ConnectionVariable = "BSILEDGER_CONNECTION";

    private static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = $"PostgreSQL connection string; defaults to ${ConnectionVariable}, else an embedded server in a fresh temporary directory",
    };

    private static readonly Option<int> DevicesOption = new("--devices")
    {
        Description = "Devices driven through the grains in each grain-path phase (3 events each); the COPY ceiling copies the batched phase's rows",
        DefaultValueFactory = _ => 20_000,
    };

    private static readonly Option<int> ConcurrencyOption = new("--concurrency")
    {
        Description = "Devices in flight at once on both grain paths",
        DefaultValueFactory = _ => 1024,
    };

    private static readonly Option<string> Out = new("--out")
    {
        Description = "Where the figures are written as JSON",
        DefaultValueFactory = _ => Path.Combine("bench", "results", "append-bench.json"),
    };

    private static readonly Option<bool> TracedOption = new("--traced")
    {
        Description = "Also run the batched phase with tracing on (sampled as OTEL_TRACES_SAMPLER says, spans discarded): tracing's overhead",
    };

    /// <summary>--connection wins, then the environment; null means the embedded server.</summary>
    public string? ExplicitConnection =>
        !string.IsNullOrWhiteSpace(Connection) ? Connection
        : Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    public static RootCommand Command(Func<BenchOptions, Task<int>> run)
    {
        var root = new RootCommand("Measures appending device events through the grains with group commit, the same with one append per transaction, and a binary COPY of the same rows")
        {
            ConnectionOption, DevicesOption, ConcurrencyOption, Out, TracedOption,
        };
        DevicesOption.Validators.Add(result => RequirePositive(result, DevicesOption));
        ConcurrencyOption.Validators.Add(result => RequirePositive(result, ConcurrencyOption));
        root.SetAction(parse => run(
            new BenchOptions(
                parse.GetValue(ConnectionOption),
                parse.GetValue(DevicesOption),
                parse.GetValue(ConcurrencyOption),
                parse.GetValue(Out) ?? Path.Combine("bench", "results", "append-bench.json"),
                parse.GetValue(TracedOption))));
        return root;
    }

    private static void RequirePositive(System.CommandLine.Parsing.OptionResult result, Option<int> option)
    {
        if (result.GetValueOrDefault<int>() < 1)
        {
            result.AddError($"{option.Name} must be at least 1");
        }
    }
}
