using System.Globalization;

namespace BsiLedger.EventStore.Postgres;

/// <summary>The PostgreSQL server programs of this machine.</summary>
public sealed record PostgresBinaries(string InitDb, string PgCtl, string Postgres)
{
    public const string DefaultFallbackRoot = "/usr/lib/postgresql";

    private static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    /// <summary>Looks on PATH, then under <c>/usr/lib/postgresql/*/bin</c> (highest version first).</summary>
    public static PostgresBinaries Locate() =>
        Locate(Environment.GetEnvironmentVariable("PATH"), DefaultFallbackRoot);

    public static PostgresBinaries Locate(string? searchPath, string fallbackRoot)
    {
        var pathDirectories = (searchPath ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var onPath = Programs.Select(program => FindOnPath(program, pathDirectories)).ToArray();
        if (onPath.All(found => found is not null))
        {
            return new PostgresBinaries(onPath[0]!, onPath[1]!, onPath[2]!);
        }

        // Debian/Ubuntu put the server programs outside PATH, one directory per major version.
        foreach (var bin in VersionedBinDirectories(fallbackRoot))
        {
            if (Programs.All(program => IsExecutableFile(Path.Combine(bin, program))))
            {
                return new PostgresBinaries(
                    Path.Combine(bin, "initdb"), Path.Combine(bin, "pg_ctl"), Path.Combine(bin, "postgres"));
            }
        }

        throw new PostgresBinariesNotFoundException(
            $"PostgreSQL server programs not found: looked for {string.Join(", ", Programs)} on PATH " +
            $"and under {Path.Combine(fallbackRoot, "*", "bin")}. " +
            "Install them with 'apt-get install postgresql' (Debian/Ubuntu), " +
            "or use an existing server with --connection \"Host=...\" or the BSILEDGER_CONNECTION environment variable.");
    }

    private static string? FindOnPath(string program, IEnumerable<string> directories) =>
        directories.Select(directory => Path.Combine(directory, program)).FirstOrDefault(IsExecutableFile);

    private static IEnumerable<string> VersionedBinDirectories(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root)
            .Select(directory => (Directory: directory, Version: ParseVersion(Path.GetFileName(directory))))
            .Where(candidate => candidate.Version is not null)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Directory, "bin"));
    }

    private static Version? ParseVersion(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            ? new Version(major, 0)
            : Version.TryParse(name, out var version) ? version : null;

    private static bool IsExecutableFile(string path) =>
        File.Exists(path)
        && !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
