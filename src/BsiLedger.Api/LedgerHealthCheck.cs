using BsiLedger.EventStore.Postgres;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BsiLedger.Api;

/// <summary><c>GET /health</c>: healthy while the ledger's database answers; 503 while it does not.</summary>
public sealed class LedgerHealthCheck(LedgerConnection ledger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await LedgerDataSource.OpenAsync(ledger.ConnectionString, cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("the ledger's database does not answer", e);
        }
    }
}
