using System.Diagnostics;
using System.Globalization;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.Testing;

/// <summary>
/// A private PostgreSQL behind the machine's PgBouncer in transaction pooling mode, as managed databases often are:
/// a client's connection holds a server connection only for one transaction, so anything a session keeps (prepared
/// statements, session settings, session-scoped locks) can be gone, or another client's, on the next one.
/// PgBouncer runs on a free loopback port from its own files in a temporary directory, never the package's service.
/// </summary>
public sealed class PgBouncerPostgres : IAsyncLifetime
{
    // Debian installs it in /usr/sbin, which is on root's PATH but not always on other users'.
    private static readonly string Program =
        new[] { "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer" }.FirstOrDefault(File.Exists) ?? "pgbouncer";

    private const int PortAttempts = 5;

    // PgBouncer refuses to run as root; the embedded server's account is at hand on any machine that runs it.
    private const string ServiceUser = "postgres";

    private const string OneServerDatabase = "one_server";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bsiledger-pgbouncer-" + Guid.NewGuid().ToString("N")[..12]);
    private EmbeddedPostgres? _postgres;
    private int _port;
    private int? _pid;

    /// <summary>The server's own database through PgBouncer, as a user would write it (the ledger's default tuning applies).</summary>
    public string ConnectionString => Through(EmbeddedPostgres.DatabaseName);

    /// <summary>The same server without PgBouncer, for looking at what it holds.</summary>
    public string DirectConnectionString => _postgres?.ConnectionString ?? throw new InvalidOperationException("not started");

    /// <summary>
    /// A database PgBouncer serves through a single server connection, so every client's transactions meet on it: what one
    /// client's session leaves behind (an auto-prepared statement's name) is there for the next client, every time.
    /// </summary>
    public string OneServerConnectionString => Through(OneServerDatabase);

    public string LogFile => Path.Combine(_directory, "pgbouncer.log");

    private string ConfigFile => Path.Combine(_directory, "pgbouncer.ini");

    private string PidFile => Path.Combine(_directory, "pgbouncer.pid");

    private static bool IsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    /// <summary>A new, empty database, created on the server directly (no pooler in the way) and reached through PgBouncer.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await CreateOnServerAsync(name);
        return Through(name);
    }

    private async Task CreateOnServerAsync(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(DirectConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The connection string with Npgsql's auto-prepared statements off, as the ledger needs behind PgBouncer 1.18.</summary>
    public static string WithoutAutoPrepare(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 0 }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_directory, Durable: false, MaxConnections: 200), CancellationToken.None);
        await CreateOnServerAsync(OneServerDatabase);
        for (var attempt = 1; ; attempt++)
        {
            _port = FreeTcpPort.Pick();
            await WriteConfigurationAsync();
            await RunAsync(AsServiceUser(Program, "-d", ConfigFile));
            if (await WaitUntilServingAsync())
            {
                return;
            }

            if (attempt == PortAttempts)
            {
                throw new InvalidOperationException($"PgBouncer did not accept connections on 127.0.0.1:{_port}; see {LogFile}:\n{ReadLog()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        StopPgBouncer();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string Through(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = EmbeddedPostgres.DatabaseName, Database = database }.ConnectionString;

    private async Task WriteConfigurationAsync()
    {
        var serverPort = new NpgsqlConnectionStringBuilder(DirectConnectionString).Port;
        // Every database on the server is served; trust stands in for whatever the server itself checks (it trusts too).
        // Pools sized so that several test hosts at once are never queued behind each other.
        await File.WriteAllTextAsync(ConfigFile, string.Create(CultureInfo.InvariantCulture, $"""
            [databases]
            {OneServerDatabase} = host=127.0.0.1 port={serverPort} pool_size=1
            * = host=127.0.0.1 port={serverPort}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {_port}
            unix_socket_dir =
            auth_type = trust
            auth_file = {Path.Combine(_directory, "userlist.txt")}
            pool_mode = transaction
            default_pool_size = 40
            max_client_conn = 1000
            logfile = {LogFile}
            pidfile = {PidFile}

            """));
        await File.WriteAllTextAsync(Path.Combine(_directory, "userlist.txt"), $"\"{EmbeddedPostgres.DatabaseName}\" \"\"\n");
        if (IsRoot)
        {
            await RunAsync(new ProcessStartInfo("chown", [ServiceUser + ":", _directory, ConfigFile, Path.Combine(_directory, "userlist.txt")]));
        }
    }

    private async Task<bool> WaitUntilServingAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync();
                _pid = int.Parse((await File.ReadAllTextAsync(PidFile)).Trim(), CultureInfo.InvariantCulture);
                return true;
            }
            catch (NpgsqlException)
            {
                // Not listening yet, or it lost the port to someone else (its log says which).
            }

            await Task.Delay(100);
        }

        return false;
    }

    private void StopPgBouncer()
    {
        if (_pid is not { } pid)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private string ReadLog() =>
        File.Exists(LogFile) ? string.Join('\n', File.ReadAllLines(LogFile).TakeLast(20)) : "(no log written)";

    private static ProcessStartInfo AsServiceUser(string program, params string[] arguments) =>
        IsRoot ? new ProcessStartInfo("runuser", ["-u", ServiceUser, "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);

    private static async Task RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} failed (exit {process.ExitCode}): {await error}");
        }
    }
}
