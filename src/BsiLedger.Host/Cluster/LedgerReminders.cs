using BsiLedger.Grains.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace BsiLedger.Host.Cluster;

/// <summary>
/// Durable rollout steps: Orleans reminders kept in the ledger's PostgreSQL, fired by whichever silo owns a release's
/// place on the ring. Only a silo whose releases take steps by wall time has them (<see cref="FleetOptions.AdvanceEvery"/>);
/// a simulation's silo drives its releases on a virtual clock instead.
/// </summary>
public static class LedgerReminders
{
    /// <summary>
    /// How soon a silo notices rows another cluster wrote (a one-command process that started a rollout while no
    /// cluster was found) or removed: one indexed range read per silo per period.
    /// </summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Must be registered before Orleans, whose hosted service starts the silo, and after the schema (the host's
    /// <see cref="OrleansSchemaInitializer"/>): the table reads its statements when it starts.
    /// </summary>
    public static void AddLedgerReminders(this IServiceCollection services, LedgerHostOptions options)
    {
        if (options.Fleet.AdvanceEvery is not { } every)
        {
            return;
        }

        services.UseAdoNetReminderService(table => table.Configure(table =>
        {
            table.Invariant = ClusterMembership.AdoNetInvariant;
            table.DataSource = ClusterPool.For(options.ConnectionString);
        }));
        services.Configure<ReminderOptions>(reminders =>
        {
            // A release's reminder ticks at the step period the operator chose; a tick is a local timer, not a table
            // write, and a release has one only while it has work, which is what Orleans' one-minute floor protects.
            reminders.MinimumReminderPeriod = every;
            reminders.RefreshReminderListPeriod = RefreshPeriod;
        });
        if (!options.FiresReminders)
        {
            var adoNet = services.Single(service => service.ServiceType == typeof(IReminderTable));
            services.Remove(adoNet);
            services.AddSingleton<IReminderTable>(provider =>
                new RecordingReminderTable((IReminderTable)ActivatorUtilities.CreateInstance(provider, adoNet.ImplementationType!)));
        }
    }
}
