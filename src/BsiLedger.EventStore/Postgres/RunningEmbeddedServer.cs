using Npgsql;

namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// Where the embedded server a live process runs for a data directory listens, so a second process on that
/// directory can reach it (a <c>bsi</c> command sent to the cluster of a <c>bsi serve</c> on the same directory)
/// instead of only being told the directory is busy. Removed as soon as a process takes the directory's lock,
/// written once its server is up, and only read while another process holds that lock, so a file left behind by a
/// killed run is never believed.
/// </summary>
public static class RunningEmbeddedServer
{
    public const string FileName = "bsi.server";

    internal static void Record(string dataDirectory, string connectionString) =>
        File.WriteAllText(PathIn(dataDirectory), new NpgsqlConnectionStringBuilder(connectionString).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static void Forget(string dataDirectory) => File.Delete(PathIn(dataDirectory));

    /// <summary>The connection string of the server the directory's lock holder runs; null when it recorded none.</summary>
    public static string? Find(string dataDirectory)
    {
        var path = PathIn(Path.GetFullPath(dataDirectory));
        return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var port)
            ? EmbeddedPostgres.ConnectionStringFor(port)
            : null;
    }

    private static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);
}
