using Microsoft.Extensions.Hosting;

namespace BsiLedger.Host.Cluster;

/// <summary>
/// Creates the reminder schema before the silo starts: it is registered ahead of Orleans' hosted service, and hosted
/// services start one after another in registration order, so the reminder table finds its statements on its first read.
/// </summary>
public sealed class ReminderSchemaStep(string orleansConnectionString) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ReminderSchema.EnsureAsync(orleansConnectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
