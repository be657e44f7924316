using Microsoft.Extensions.Hosting;

namespace BsiLedger.Host.Cluster;

/// <summary>Creates or updates the Orleans schema when the host starts, before the silo registered after it.</summary>
internal sealed class OrleansSchemaInitializer(string ledgerConnectionString) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => OrleansSchema.EnsureAsync(ledgerConnectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
