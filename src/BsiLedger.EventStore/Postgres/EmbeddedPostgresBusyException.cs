namespace BsiLedger.EventStore.Postgres;

/// <summary>Another live process holds the data directory's lock.</summary>
public sealed class EmbeddedPostgresBusyException : EmbeddedPostgresException
{
    public EmbeddedPostgresBusyException()
    {
    }

    public EmbeddedPostgresBusyException(string message)
        : base(message)
    {
    }

    public EmbeddedPostgresBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
