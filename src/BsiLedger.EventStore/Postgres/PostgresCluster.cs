using System.Globalization;
using System.Text;

namespace BsiLedger.EventStore.Postgres;

/// <summary>The PostgreSQL cluster in <c>&lt;data dir&gt;/pg</c>, driven through initdb and pg_ctl.</summary>
internal sealed class PostgresCluster
{
    public const string SuperUser = "bsiledger";

    // sun_path holds 108 bytes including the terminating NUL.
    private const int MaxUnixSocketPathBytes = 107;

    private readonly PostgresBinaries _binaries;
    private readonly PostgresAccount _account;
    private readonly string _dataDirectory;

    public PostgresCluster(PostgresBinaries binaries, PostgresAccount account, string dataDirectory)
    {
        _binaries = binaries;
        _account = account;
        _dataDirectory = dataDirectory;
    }

    public string ClusterDirectory => ClusterDirectoryIn(_dataDirectory);

    public string SocketDirectory => Path.Combine(_dataDirectory, "run");

    public string LogFile => Path.Combine(_dataDirectory, "postgres.log");

    public bool IsInitialized => IsInitializedIn(_dataDirectory);

    public bool HasPidFile => File.Exists(Path.Combine(ClusterDirectory, "postmaster.pid"));

    public static bool IsInitializedIn(string dataDirectory) =>
        File.Exists(Path.Combine(ClusterDirectoryIn(dataDirectory), "PG_VERSION"));

    public async Task InitializeAsync(CancellationToken ct)
    {
        // initdb removes what it made when it fails; a leftover without PG_VERSION means it was killed midway.
        if (Directory.Exists(ClusterDirectory))
        {
            Directory.Delete(ClusterDirectory, recursive: true);
        }

        var command = Command(_binaries.InitDb,
            ["-D", ClusterDirectory, "--auth=trust", "-U", SuperUser, "-E", "UTF8", "--no-locale"]);
        await CommandFailure.RunCheckedAsync(command, null, ct);
    }

    public async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        var status = await ExternalCommand.RunAsync(Command(_binaries.PgCtl, ["status", "-D", ClusterDirectory]), ct);
        return status.ExitCode == 0;
    }

    /// <summary>Starts the server on <paramref name="port"/>; false when that port was taken meanwhile.</summary>
    public async Task<bool> TryStartAsync(int port, EmbeddedPostgresOptions options, CancellationToken ct)
    {
        var logLength = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
        var command = Command(_binaries.PgCtl,
            ["start", "-D", ClusterDirectory, "-l", LogFile, "-w", "-t", "60", "-o", ServerOptions(port, options)]);
        var result = await ExternalCommand.RunAsync(command, ct);
        if (result.ExitCode == 0)
        {
            return true;
        }

        if (ReadLogFrom(logLength).Contains("could not bind", StringComparison.Ordinal))
        {
            return false;
        }

        throw CommandFailure.Exception(command, result, LogFile);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        var command = Command(_binaries.PgCtl, ["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60"]);
        var result = await ExternalCommand.RunAsync(command, ct);
        // A server that died (killed, crashed) leaves its pid file behind: nothing is left to stop, and the
        // caller's own error (the lost connection) is the one worth reporting.
        if (result.ExitCode != 0 && HasPidFile && await IsRunningAsync(ct))
        {
            throw CommandFailure.Exception(command, result, LogFile);
        }
    }

    private static string ClusterDirectoryIn(string dataDirectory) => Path.Combine(dataDirectory, "pg");

    private CommandLine Command(string program, IEnumerable<string> arguments) =>
        _account.Command(program, arguments, _dataDirectory);

    // pg_ctl hands -o to /bin/sh, so each value is shell-quoted.
    private string ServerOptions(int port, EmbeddedPostgresOptions options)
    {
        var words = new List<string>
        {
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-k", ShellQuote(UnixSocketDirectory()),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=" + options.MaxConnections.ToString(CultureInfo.InvariantCulture),
        };
        if (!options.Durable)
        {
            words.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return string.Join(' ', words);
    }

    // Clients connect over TCP; the socket only saves postgres from writing to /var/run. A socket path
    // too long for sun_path would stop the server from starting, so then go without one ("").
    private string UnixSocketDirectory() =>
        Encoding.UTF8.GetByteCount(Path.Combine(SocketDirectory, ".s.PGSQL.65535")) <= MaxUnixSocketPathBytes
            ? SocketDirectory
            : string.Empty;

    private static string ShellQuote(string value) =>
        "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string ReadLogFrom(long offset)
    {
        if (!File.Exists(LogFile))
        {
            return string.Empty;
        }

        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
