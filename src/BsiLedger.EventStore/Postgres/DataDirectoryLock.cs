namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// An exclusive lock file in the data directory, held while this process runs its server.
/// The OS drops the lock when the process dies, so a killed run never leaves it stuck.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "bsi.lock";

    // On Unix .NET takes FileShare.None as flock and reports a held lock as an IOException whose
    // HResult is the raw errno EWOULDBLOCK (11 on Linux, 35 on macOS); Windows says ERROR_SHARING_VIOLATION.
    private static readonly int[] LockHeldCodes = [11, 35, unchecked((int)0x80070020)];

    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream) => _stream = stream;

    public static DataDirectoryLock Acquire(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            return new DataDirectoryLock(
                new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (ex.GetType() == typeof(IOException) && LockHeldCodes.Contains(ex.HResult))
        {
            throw new EmbeddedPostgresBusyException(
                $"Another bsi process is using the data directory {dataDirectory} ({path} is locked). " +
                "Wait for it to finish, use another --data-dir, or pass --connection to use a shared PostgreSQL server.",
                ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
