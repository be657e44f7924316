using System.Diagnostics;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

public sealed class ConnectionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_connection_to_a_closed_port_is_exit_3_within_seconds()
    {
        var watch = Stopwatch.StartNew();
        var run = await Bsi.RunAsync(["device", "show", "D1", "--connection", "Host=127.0.0.1;Port=1;Username=nobody;Timeout=5", "--telemetry", "none"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("database", run.Stderr, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task The_environment_variable_names_the_server_when_no_option_does()
    {
        var id = UniqueIds.Device();
        var env = new Dictionary<string, string> { ["BSILEDGER_CONNECTION"] = postgres.ConnectionString };

        var run = await Bsi.RunAsync(["device", "enroll", id, "--platform", "iOS", "--os", "26.3.1", "--telemetry", "none"], env);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, await StoredRows.CountAsync(postgres.ConnectionString, id));
    }

    [Fact]
    public async Task With_json_stdout_holds_one_json_document_even_with_console_telemetry()
    {
        var id = UniqueIds.Device();
        var run = await Bsi.RunAsync(["device", "enroll", id, "--platform", "iOS", "--os", "26.3.1", "--json", "--connection", postgres.ConnectionString]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("accepted", run.Json().GetProperty("status").GetString());
        Assert.Contains("Activity.TraceId", run.Stderr, StringComparison.Ordinal);
    }
}
