using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary>Runs bsi against the test database; every call also asserts the exit code it expects.</summary>
public abstract class CliTest(PostgresFixture postgres)
{
    protected string ConnectionString => postgres.ConnectionString;

    protected async Task<BsiRun> Bsi(int expectedExit, params string[] args)
    {
        var run = await Tests.Bsi.RunAsync([.. args, "--connection", postgres.ConnectionString, "--telemetry", "none"]);
        Assert.True(run.ExitCode == expectedExit, $"expected exit {expectedExit} for bsi {string.Join(' ', args)}\n{run}");
        return run;
    }

    protected Task<long> RowsAsync(string deviceId) => StoredRows.CountAsync(postgres.ConnectionString, deviceId);

    protected Task Enroll(string id, string os = "26.3.1") => Bsi(0, "device", "enroll", id, "--platform", "iOS", "--os", os);
}
