using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;

namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// Under root, where the server keeps the files of a data directory its account cannot reach (a clone in
/// <c>/root</c>): a directory under <see cref="DefaultRoot"/> named after a digest of the data directory's absolute
/// path. A pointer file left in the data directory names it, so later runs find it even if the directory is moved.
/// </summary>
internal sealed class DataDirectoryRelocation(PostgresAccount account, string root)
{
    public const string DefaultRoot = "/var/lib/bsiledger";
    public const string PointerFileName = "relocated";

    private const int DigestHexLength = 16;

    /// <summary>
    /// The directory the server uses for <paramref name="dataDirectory"/> (absolute): itself unless it was relocated
    /// before or must be now. <paramref name="notice"/> hears of a relocation once, when it is made.
    /// </summary>
    public async Task<string> ResolveAsync(string dataDirectory, Action<string>? notice, CancellationToken ct)
    {
        // runuser, and so root's service account, exists only on Linux.
        if (!account.RunsAsServiceUser || OperatingSystem.IsWindows())
        {
            return dataDirectory;
        }

        var pointer = Path.Combine(dataDirectory, PointerFileName);
        if (File.Exists(pointer))
        {
            return await ReadPointerAsync(pointer, ct);
        }

        await PostgresAccount.RequireServiceUserAsync(ct);
        // A cluster already here stays here: moving on would open an empty ledger in its place, so the
        // caller's reachability error (which says how to make it reachable) is the better answer.
        if (await account.CanReachAsync(dataDirectory, ct) || PostgresCluster.IsInitializedIn(dataDirectory))
        {
            return dataDirectory;
        }

        var why = $"run as root, the server runs as user '{PostgresAccount.ServiceUser}', who cannot reach " +
                  $"{dataDirectory}{PostgresAccount.DescribeBlockingParent(dataDirectory)}";
        var target = Path.Combine(root, Digest(dataDirectory));
        await CreateTargetAsync(target, why, ct);
        await WritePointerAsync(pointer, target, why, ct);
        notice?.Invoke(
            $"bsi keeps the PostgreSQL files of {dataDirectory} in {target}: {why}. {pointer} records this; " +
            "later commands naming this data directory use them without saying so again.");
        return target;
    }

    public static string Digest(string dataDirectory) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(dataDirectory))))
            [..DigestHexLength];

    [UnsupportedOSPlatform("windows")]
    private async Task CreateTargetAsync(string target, string why, CancellationToken ct)
    {
        try
        {
            if (!Directory.Exists(root))
            {
                // Others must traverse it (the server's account); the per-directory ledgers inside are handed over.
                Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            Directory.CreateDirectory(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotRelocate(target, why, ex.Message, ex);
        }

        if (!await account.CanReachAsync(target, ct))
        {
            throw CannotRelocate(target, why,
                $"user '{PostgresAccount.ServiceUser}' cannot reach it either{PostgresAccount.DescribeBlockingParent(target)}", null);
        }
    }

    private EmbeddedPostgresException CannotRelocate(string target, string why, string reason, Exception? inner)
    {
        var message = $"Running as root: {why}, and its files could not be kept in {target} instead ({reason}). " +
                      $"Create {root} as root with mode 0755 on a writable file system, choose a --data-dir whose parent " +
                      "directories other users can traverse (chmod o+x), run as a normal user, or pass --connection.";
        return inner is null ? new EmbeddedPostgresException(message) : new EmbeddedPostgresException(message, inner);
    }

    // The first line is for the program, the rest for a person who finds the file.
    private static async Task WritePointerAsync(string pointer, string target, string why, CancellationToken ct)
    {
        var text = $"{target}\n" +
                   $"bsi keeps this data directory's PostgreSQL files in the directory on the line above: {why}.\n" +
                   "Commands naming this data directory follow this file; its lock file (bsi.lock) stays here.\n" +
                   "To start a new ledger, delete both directories.\n";
        // Written aside and moved into place, so a run killed midway never leaves half a pointer.
        var partial = pointer + ".partial";
        await File.WriteAllTextAsync(partial, text, ct);
        File.Move(partial, pointer, overwrite: true);
    }

    private static async Task<string> ReadPointerAsync(string pointer, CancellationToken ct)
    {
        var target = (await File.ReadAllLinesAsync(pointer, ct)).FirstOrDefault()?.Trim();
        return target is { Length: > 0 } && Path.IsPathFullyQualified(target)
            ? target
            : throw new EmbeddedPostgresException(
                $"{pointer} should name, on its first line, the directory that holds this data directory's PostgreSQL " +
                "files, but does not. Write that directory's absolute path there, or delete the file to start a new ledger.");
    }
}
