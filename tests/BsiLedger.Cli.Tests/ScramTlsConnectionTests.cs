using System.Text.Json;
using BsiLedger.Testing;
using Npgsql;
using static BsiLedger.Cli.Tests.OwnLedger;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// bsi against a server set up as users' servers are: a SCRAM password and <c>SSL Mode=Require</c> in
/// <c>--connection</c>. The commands here cover every path that opens its own connection from the string.
/// </summary>
public sealed class ScramTlsConnectionTests(ScramTlsPostgres server) : IClassFixture<ScramTlsPostgres>
{
    private const string Release = "iOS 26.3.1 (a)";

    [Fact]
    public async Task Device_commands_and_history_work_with_a_password_over_tls()
    {
        var connection = await server.CreateDatabaseAsync();
        var id = UniqueIds.Device();
        await Run(connection, 0, "device", "enroll", id, "--platform", "iOS", "--os", "26.3.1");
        await Run(connection, 0, "release", "publish", Release, "--components", "WebKit");
        await Run(connection, 0, "device", "install", id, Release);

        var show = (await Run(connection, 0, "device", "show", id, "--json")).Json();
        var history = (await Run(connection, 0, "audit", "history", id, "--json")).Json();

        Assert.Equal(Release, show.GetProperty("staged").GetString());
        Assert.Equal(2, history.GetProperty("events").GetArrayLength());
        Assert.Equal(2, await StoredRows.CountAsync(connection, id));
    }

    [Fact]
    public async Task A_digest_taken_and_verified_over_tls_with_a_password_matches()
    {
        var connection = await server.CreateDatabaseAsync();
        var digest = Path.Combine(Directory.CreateTempSubdirectory("bsi-tls-digest-").FullName, "ledger.digest");
        await Run(connection, 0, "device", "enroll", UniqueIds.Device(), "--platform", "iOS", "--os", "26.3.1");

        await Run(connection, 0, "audit", "digest", "--out", digest);
        var verified = (await Run(connection, 0, "audit", "verify", "--digest", digest, "--json")).Json();

        Assert.True(verified.GetProperty("intact").GetBoolean());
        Assert.True(verified.GetProperty("digest").GetProperty("matches").GetBoolean());
        Assert.Equal(await StoredRows.TotalAsync(connection), verified.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task A_wrong_password_is_exit_3_saying_the_login_was_refused()
    {
        var wrong = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "not-the-password" }.ConnectionString;

        var run = await Run(wrong, 3, "device", "show", UniqueIds.Device());

        Assert.Contains("password authentication failed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("authentication failed: check the user name, password", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_without_a_password_is_exit_3_saying_the_login_was_refused()
    {
        var none = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = null }.ConnectionString;

        var run = await Run(none, 3, "device", "show", UniqueIds.Device());

        Assert.Contains("No password has been provided", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("authentication failed: check the user name, password", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_without_tls_is_refused_by_the_server_with_exit_3()
    {
        var plain = new NpgsqlConnectionStringBuilder(server.ConnectionString) { SslMode = SslMode.Disable }.ConnectionString;

        var run = await Run(plain, 3, "device", "show", UniqueIds.Device());

        Assert.Contains("no encryption", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("SSL Mode", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_simulation_completes_over_tls_with_a_password()
    {
        var connection = await server.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-tls-sim-").FullName;

        await Run(connection, 0, "simulate", "--devices", "200", "--seed", "7", "--out", output, "--json");

        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(200, report.GetProperty("devices").GetInt32());
        Assert.Equal(await StoredRows.TotalAsync(connection), report.GetProperty("eventsAppended").GetInt64());
        Assert.True(File.Exists(Path.Combine(output, "recall.png")));
    }
}
