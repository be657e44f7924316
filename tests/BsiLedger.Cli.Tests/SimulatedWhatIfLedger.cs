using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary>The ledger <c>bsi simulate</c> writes for <c>docs/scenarios/whatif-halt-recall.json</c>, once for the what-if tests.</summary>
public sealed class SimulatedWhatIfLedger(PostgresFixture postgres) : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync();
        var scenario = Path.Combine(RepositoryRoot.Path, "docs", "scenarios", "whatif-halt-recall.json");
        var run = await Bsi.RunAsync(["simulate", "--scenario", scenario, "--out", Directory.CreateTempSubdirectory("bsi-whatif-").FullName,
            "--connection", ConnectionString, "--telemetry", "none"]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the simulation the what-if tests replay failed: {run}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
