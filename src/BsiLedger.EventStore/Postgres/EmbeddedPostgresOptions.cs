namespace BsiLedger.EventStore.Postgres;

/// <summary>Where and how the private PostgreSQL server runs.</summary>
/// <param name="DataDirectory">
/// Holds the cluster (<c>pg/</c>), its log and the lock file; kept between runs. Under root, when the <c>postgres</c> user
/// cannot reach it, it holds only the lock and a pointer to where the rest is kept (docs/operations.md, Root).
/// </param>
/// <param name="Durable">False turns off fsync and friends: fast, but a crash can lose data (tests only).</param>
/// <param name="MaxConnections">The server's <c>max_connections</c>: PostgreSQL's own default, which each process's <see cref="ConnectionBudget"/> fits in.</param>
/// <param name="Port">
/// The TCP port on 127.0.0.1 to listen on; null picks a free one. A fixed port lets clients that already hold the connection
/// string reconnect after the server is stopped and started again.
/// </param>
public sealed record EmbeddedPostgresOptions(string DataDirectory, bool Durable = true, int MaxConnections = 100, int? Port = null)
{
    /// <summary>
    /// Told, once, what a person should know but the server has no console to say: that under root the data directory's
    /// files were moved where PostgreSQL's account can reach them. Null says nothing.
    /// </summary>
    public Action<string>? Notice { get; init; }

    /// <summary>
    /// True (a command): SIGINT or SIGTERM stops the server at once, since the process ends with the signal. False (a
    /// host that stops gracefully on those signals, <c>bsi serve</c>): the server outlives the signal until the host has
    /// stopped and disposes it, so a silo can still leave its cluster, which is recorded in this database.
    /// </summary>
    public bool StopsOnSignal { get; init; } = true;
}
