namespace BsiLedger.EventStore.Postgres;

/// <summary>No usable <c>initdb</c>/<c>pg_ctl</c>/<c>postgres</c> on this machine.</summary>
public sealed class PostgresBinariesNotFoundException : Exception
{
    public PostgresBinariesNotFoundException()
    {
    }

    public PostgresBinariesNotFoundException(string message)
        : base(message)
    {
    }

    public PostgresBinariesNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
