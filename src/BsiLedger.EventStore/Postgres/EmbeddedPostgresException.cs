namespace BsiLedger.EventStore.Postgres;

/// <summary>The embedded PostgreSQL server could not be prepared, started or stopped.</summary>
public class EmbeddedPostgresException : Exception
{
    public EmbeddedPostgresException()
    {
    }

    public EmbeddedPostgresException(string message)
        : base(message)
    {
    }

    public EmbeddedPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
