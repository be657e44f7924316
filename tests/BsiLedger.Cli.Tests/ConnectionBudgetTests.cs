using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.Cli.Tests;

public sealed class ConnectionBudgetTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_simulation_holds_no_more_connections_than_its_budget()
    {
        var application = "budget-" + Guid.NewGuid().ToString("N")[..8];
        var connection = WithoutPoolSize(await postgres.CreateDatabaseAsync(), application);
        var output = Directory.CreateTempSubdirectory("bsi-budget-").FullName;
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(application, sampling.Token);

        var run = await Bsi.RunAsync(["simulate", "--devices", "1000", "--seed", "3", "--out", output, "--connection", connection, "--max-connections", "3", "--telemetry", "none"]);
        await sampling.CancelAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.InRange(await peak, 1, 3);
    }

    [Fact]
    public async Task A_budget_the_server_cannot_hold_is_refused_before_anything_is_written()
    {
        var connection = WithoutPoolSize(await postgres.CreateDatabaseAsync(), "bsi");
        var output = Directory.CreateTempSubdirectory("bsi-budget-").FullName;

        var run = await Bsi.RunAsync(["simulate", "--devices", "100", "--out", output, "--connection", connection, "--telemetry", "none"],
            new Dictionary<string, string> { ["BSILEDGER_MAX_CONNECTIONS"] = "5000" });

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("up to 5000 database connection(s)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("max_connections = 800", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--max-connections", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await StoredRows.TotalAsync(connection));
    }

    [Fact]
    public async Task A_pool_size_in_the_connection_string_wins_over_the_option()
    {
        var connection = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync()) { MaxPoolSize = 5000 }.ConnectionString;

        var run = await Bsi.RunAsync(["simulate", "--devices", "100", "--out", Directory.CreateTempSubdirectory("bsi-budget-").FullName,
            "--connection", connection, "--max-connections", "2", "--telemetry", "none"]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("up to 5000 database connection(s)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_command_silo_keeps_orleans_pool_inside_its_budget()
    {
        var application = "budget-" + Guid.NewGuid().ToString("N")[..8];
        var connection = WithoutPoolSize(await postgres.CreateDatabaseAsync(), application);
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(application, sampling.Token);
        var orleans = SamplePeakAsync($"{application}-cluster", sampling.Token);

        var run = await Bsi.RunAsync(["device", "enroll", "budget-1", "--platform", "iOS", "--os", "26.3.1", "--connection", connection, "--max-connections", "3", "--telemetry", "none"]);
        await sampling.CancelAsync();

        // Its silo keeps reminders, so Orleans' pool opened (the schema, the reminder table) and the ledger had the rest.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.InRange(await orleans, 1, 2);
        Assert.InRange(await peak, 1, 1);
    }

    [Fact]
    public async Task A_budget_that_leaves_a_silo_s_ledger_nothing_beside_orleans_pool_is_bad_input()
    {
        var run = await Bsi.RunAsync(["device", "enroll", "budget-2", "--platform", "iOS", "--os", "26.3.1",
            "--connection", WithoutPoolSize(await postgres.CreateDatabaseAsync(), "bsi"), "--max-connections", "2", "--telemetry", "none"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("at least 3", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--max-connections", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-connections", "0")]
    [InlineData("--max-connections", "-4")]
    public async Task A_budget_below_one_is_bad_input(string option, string value)
    {
        var run = await Bsi.RunAsync(["device", "show", "D1", option, value, "--connection", postgres.ConnectionString, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--max-connections", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_budget_in_the_environment_is_bad_input()
    {
        var run = await Bsi.RunAsync(["device", "show", "D1", "--connection", WithoutPoolSize(postgres.ConnectionString, "bsi"), "--telemetry", "none"],
            new Dictionary<string, string> { ["BSILEDGER_MAX_CONNECTIONS"] = "lots" });

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("BSILEDGER_MAX_CONNECTIONS='lots'", run.Stderr, StringComparison.Ordinal);
    }

    private static string WithoutPoolSize(string connectionString, string application)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = application };
        builder.Remove("Maximum Pool Size");
        return builder.ConnectionString;
    }

    private async Task<int> SamplePeakAsync(string application, CancellationToken ct)
    {
        var peak = 0;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var count = new NpgsqlCommand("select count(*)::int from pg_stat_activity where application_name = @name", connection);
        count.Parameters.AddWithValue("name", application);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                peak = Math.Max(peak, (int)(await count.ExecuteScalarAsync(CancellationToken.None))!);
                await Task.Delay(25, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return peak;
    }
}
