using BsiLedger.EventStore.Marten;

namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// Before a long command: does this process's budget fit in what the server has free? Refusing at once beats
/// "too many clients" minutes into a run.
/// </summary>
public static class ConnectionBudgetCheck
{
    /// <param name="alongside">Connections the process holds beside the ledger's pool (a silo's cluster membership).</param>
    public static async Task<ServerConnections> EnsureFitsAsync(string connectionString, CancellationToken ct, int alongside = 0)
    {
        var budget = ConnectionBudget.Of(LedgerStoreOptions.Tuned(connectionString)) + alongside;
        ServerConnections server;
        await using (var connection = await LedgerDataSource.OpenAsync(connectionString, ct))
        {
            server = await ServerConnections.ReadAsync(connection, ct);
        }

        // The connection the check used is one of the budget's, and it is already counted in use.
        return budget <= server.Free + 1 ? server : throw new ConnectionBudgetExceededException(budget, server);
    }
}
