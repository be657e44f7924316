using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Fleet;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;
using Orleans.TestingHost;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>
/// Each test-cluster silo gets the ledger's store and grains as <c>bsi serve</c> has them (the cluster's own clustering
/// instead of ours), on the database the test names in <see cref="ConnectionStringKey"/>, with rollout steps on a
/// one-second reminder in that database (whose schema the test creates first: a hosted service added here would start
/// after the silo).
/// </summary>
public sealed class LedgerSiloConfigurator : ISiloConfigurator
{
    public const string ConnectionStringKey = "BsiLedger:ConnectionString";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var options = new LedgerHostOptions(siloBuilder.Configuration[ConnectionStringKey] ?? throw new InvalidOperationException($"{ConnectionStringKey} is not set"))
        {
            Telemetry = TelemetryMode.None,
            Agent = new SeededAgent(),
            Fleet = new FleetOptions { Shards = 32, AdvanceEvery = TimeSpan.FromSeconds(1) },
            // A grain call to a killed silo's activation waits this long plus 30 s at most.
            Journal = new JournalOptions { OutageTolerance = TimeSpan.FromSeconds(5) },
            FiresReminders = true,
        };
        LedgerHost.AddLedgerStore(siloBuilder.Services, options);
        siloBuilder.Services.AddLedgerReminders(options);
        LedgerHost.AddLedgerGrains(siloBuilder, options);
    }
}
