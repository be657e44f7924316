namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// The OS account the server programs run as. initdb, pg_ctl and postgres refuse to run as root,
/// so under root they run as the <c>postgres</c> user through <c>runuser</c>.
/// </summary>
internal sealed class PostgresAccount
{
    public const string ServiceUser = "postgres";

    private static readonly string[] RunuserFallbacks = ["/usr/sbin/runuser", "/sbin/runuser"];

    private readonly string? _runuser;

    private PostgresAccount(string? runuser) => _runuser = runuser;

    public bool RunsAsServiceUser => _runuser is not null;

    public static PostgresAccount ForCurrentProcess()
    {
        // Environment.UserName reflects the effective uid on Unix.
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            return new PostgresAccount(null);
        }

        var runuser = FindRunuser() ?? throw new EmbeddedPostgresException(
            "Running as root: PostgreSQL refuses root, and 'runuser' (util-linux) was not found to run it as " +
            $"'{ServiceUser}'. Install util-linux, run as a normal user, or pass --connection.");
        return new PostgresAccount(runuser);
    }

    public CommandLine Command(string program, IEnumerable<string> arguments, string workingDirectory) =>
        _runuser is null
            ? new CommandLine(program, [.. arguments], workingDirectory)
            : new CommandLine(_runuser, ["-u", ServiceUser, "--", program, .. arguments], workingDirectory);

    /// <summary>Under root: checks the service user can reach the directory, then hands it over.</summary>
    public async Task PrepareDirectoryAsync(string directory, CancellationToken ct)
    {
        if (_runuser is null)
        {
            return;
        }

        await RequireServiceUserAsync(ct);
        if (!await CanReachAsync(directory, ct))
        {
            throw new EmbeddedPostgresException(
                $"Running as root: PostgreSQL runs as user '{ServiceUser}', who cannot reach {directory}" +
                $"{DescribeBlockingParent(directory)}. Choose a --data-dir whose parent directories are traversable " +
                "by other users (e.g. under /tmp or /var/lib), make them so (chmod o+x), run as a normal user, " +
                "or pass --connection.");
        }

        // "user:" is the user's login group (postgres:postgres on Debian/Ubuntu).
        await CommandFailure.RunCheckedAsync(
            new CommandLine("chown", ["-R", ServiceUser + ":", directory], directory), null, ct);
    }

    public static async Task RequireServiceUserAsync(CancellationToken ct)
    {
        var id = await ExternalCommand.RunAsync(new CommandLine("id", ["-u", ServiceUser], "/"), ct);
        if (id.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"Running as root: PostgreSQL must run as user '{ServiceUser}', which does not exist. " +
                "Install the 'postgresql' package (it creates the user), create it with 'useradd --system postgres', " +
                "or pass --connection.");
        }
    }

    /// <summary>Whether the server's account can get to <paramref name="directory"/> (always, when not under root).</summary>
    public async Task<bool> CanReachAsync(string directory, CancellationToken ct)
    {
        if (_runuser is null)
        {
            return true;
        }

        // Searching the parent needs every directory above it traversable too; the directory itself is handed over.
        var parent = Path.GetDirectoryName(directory) ?? directory;
        var reach = await ExternalCommand.RunAsync(Command("test", ["-x", parent], "/"), ct);
        return reach.ExitCode == 0;
    }

    /// <summary>Names the first parent other users cannot traverse, as " (X is not …)", or nothing.</summary>
    public static string DescribeBlockingParent(string directory)
    {
        for (var parent = Path.GetDirectoryName(directory); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(parent) & UnixFileMode.OtherExecute) == 0)
            {
                return $" ({parent} is not traversable by other users)";
            }
        }

        return string.Empty;
    }

    private static string? FindRunuser() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "runuser"))
            .Concat(RunuserFallbacks)
            .FirstOrDefault(File.Exists);
}
