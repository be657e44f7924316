using System.Globalization;

namespace BsiLedger.EventStore.Postgres;

/// <summary>The process may open more connections than the server has free: it would fail with "too many clients" later.</summary>
public sealed class ConnectionBudgetExceededException(int budget, ServerConnections server) : Exception(Describe(budget, server))
{
    public int Budget { get; } = budget;

    public ServerConnections Server { get; } = server;

    private static string Describe(int budget, ServerConnections server) =>
        string.Create(CultureInfo.InvariantCulture, $"this process may open up to {budget} database connection(s), but the server has {server.Free} free (max_connections = {server.Max}, {server.Reserved} reserved for superusers, {server.InUse} in use). ")
        + $"Lower --max-connections (or {ConnectionBudget.Variable}, or Maximum Pool Size in the connection string), stop other clients of the server, or raise its max_connections.";
}
