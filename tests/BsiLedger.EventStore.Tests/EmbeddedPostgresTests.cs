using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BsiLedger.EventStore.Postgres;
using Npgsql;
using Xunit;

namespace BsiLedger.EventStore.Tests;

public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _directory = Path.Combine("/tmp", "bsiledger-test-" + Guid.NewGuid().ToString("N"));

    private EmbeddedPostgresOptions Options => new(_directory, Durable: false);

    private string ClusterDirectory => Path.Combine(_directory, "pg");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Starts_and_answers_a_query()
    {
        await using var postgres = await EmbeddedPostgres.StartAsync(Options, Ct);

        Assert.Equal(1, await ScalarAsync<int>(postgres.ConnectionString, "SELECT 1"));
        Assert.Equal("bsiledger", await ScalarAsync<string>(postgres.ConnectionString, "SELECT current_database()"));
    }

    [Fact]
    public async Task Data_survives_a_stop_and_start()
    {
        await using (var first = await EmbeddedPostgres.StartAsync(Options, Ct))
        {
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }

        await using var second = await EmbeddedPostgres.StartAsync(Options, Ct);

        Assert.Equal(42, await ScalarAsync<int>(second.ConnectionString, "SELECT id FROM kept"));
    }

    [Fact]
    public async Task A_second_start_on_the_same_directory_is_refused_while_the_first_runs()
    {
        await using var first = await EmbeddedPostgres.StartAsync(Options, Ct);

        var busy = await Assert.ThrowsAsync<EmbeddedPostgresBusyException>(
            () => EmbeddedPostgres.StartAsync(Options, Ct));

        Assert.Contains(_directory, busy.Message, StringComparison.Ordinal);
        Assert.Contains("--connection", busy.Message, StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync<int>(first.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task Dispose_leaves_no_server_process_behind()
    {
        var postgres = await EmbeddedPostgres.StartAsync(Options, Ct);
        var postmasterPid = ReadPostmasterPid();
        Assert.True(IsAlive(postmasterPid));

        await postgres.DisposeAsync();
        await postgres.DisposeAsync();

        Assert.False(IsAlive(postmasterPid));
        Assert.Empty(LiveProcessesMentioning(ClusterDirectory));
        Assert.False(File.Exists(Path.Combine(ClusterDirectory, "postmaster.pid")));
    }

    [Fact]
    public async Task A_server_left_by_a_killed_run_is_replaced()
    {
        await (await EmbeddedPostgres.StartAsync(Options, Ct)).DisposeAsync();
        var stalePort = FreePort();
        await StartLeftoverServerAsync(stalePort);
        var stalePid = ReadPostmasterPid();

        await using var postgres = await EmbeddedPostgres.StartAsync(Options, Ct);

        Assert.False(IsAlive(stalePid));
        Assert.DoesNotContain($"Port={stalePort};", postgres.ConnectionString + ";", StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync<int>(postgres.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public void Missing_binaries_say_what_was_looked_for_and_how_to_install_them()
    {
        var missing = Assert.Throws<PostgresBinariesNotFoundException>(
            () => PostgresBinaries.Locate(string.Empty, Path.Combine(_directory, "no-such-root")));

        Assert.Contains("initdb", missing.Message, StringComparison.Ordinal);
        Assert.Contains("pg_ctl", missing.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", missing.Message, StringComparison.Ordinal);
        Assert.Contains("BSILEDGER_CONNECTION", missing.Message, StringComparison.Ordinal);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    // What a bsi process killed with SIGKILL leaves: a running server and no lock holder.
    private async Task StartLeftoverServerAsync(int port)
    {
        var pgCtl = PostgresBinaries.Locate().PgCtl;
        var asRoot = Environment.UserName == "root";
        var startInfo = new ProcessStartInfo(asRoot ? "runuser" : pgCtl) { WorkingDirectory = _directory };
        if (asRoot)
        {
            foreach (var word in new[] { "-u", "postgres", "--", pgCtl })
            {
                startInfo.ArgumentList.Add(word);
            }
        }

        foreach (var word in new[]
                 {
                     "start", "-D", ClusterDirectory, "-l", Path.Combine(_directory, "postgres.log"), "-w",
                     "-o", $"-p {port} -k '{Path.Combine(_directory, "run")}' -c listen_addresses=127.0.0.1",
                 })
        {
            startInfo.ArgumentList.Add(word);
        }

        startInfo.RedirectStandardOutput = true;
        using var process = Process.Start(startInfo)!;
        await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.Equal(0, process.ExitCode);
    }

    private int ReadPostmasterPid() =>
        int.Parse(File.ReadLines(Path.Combine(ClusterDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // A zombie (state Z) has exited; only its parent has not collected it yet.
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static List<int> LiveProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal) && IsAlive(pid))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }
}
