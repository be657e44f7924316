using System.Net;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Grains.Fleet;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;
using Npgsql;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>Orleans' connections (membership and reminders) are part of the process's budget, not on top of it.</summary>
public sealed class ClusterPoolTests
{
    private const string Server = "Host=db.example;Username=bsi;Database=ledger";

    [Theory]
    [InlineData(6, 4)]
    [InlineData(3, 1)]
    public void A_silo_of_a_cluster_leaves_the_ledger_its_budget_less_the_orleans_pool(int budget, int ledger)
    {
        var share = ClusterPool.LedgerShare($"{Server};Maximum Pool Size={budget}");

        Assert.Equal(ledger, ConnectionBudget.Of(share));
        Assert.Equal(budget, ConnectionBudget.Of(share) + ClusterPool.Size);
    }

    [Fact]
    public void A_budget_that_would_leave_the_ledger_nothing_is_refused_saying_how_many_it_takes()
    {
        var refused = Assert.Throws<ArgumentException>(() => ClusterPool.LedgerShare($"{Server};Maximum Pool Size=2"));

        Assert.Contains("at least 3", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_silo_that_opens_the_orleans_pool_gives_it_a_share_of_its_budget_and_no_other_process_does()
    {
        var budget = $"{Server};Maximum Pool Size=6";
        var serve = new LedgerHostOptions(budget) { Cluster = new SharedCluster("c", IPAddress.Loopback, 11111, 30000) };
        var oneCommand = new LedgerHostOptions(budget);
        var simulation = new LedgerHostOptions(budget) { Fleet = new FleetOptions { AdvanceEvery = null } };
        var reader = new LedgerHostOptions(budget) { WithSilo = false };

        // Membership, reminders, or both: one pool of two either way.
        Assert.Equal(4, ConnectionBudget.Of(serve.WithinBudget().ConnectionString));
        Assert.Equal(4, ConnectionBudget.Of(oneCommand.WithinBudget().ConnectionString));
        Assert.Equal(4, ConnectionBudget.Of((serve with { Fleet = new FleetOptions { AdvanceEvery = null } }).WithinBudget().ConnectionString));
        Assert.Same(simulation, simulation.WithinBudget());
        Assert.Same(reader, reader.WithinBudget());
    }

    [Fact]
    public void The_orleans_pool_is_small_named_for_the_ledger_and_on_utc()
    {
        var pool = new NpgsqlConnectionStringBuilder(ClusterPool.ConnectionString($"{Server};Application Name=fleet-a;Maximum Pool Size=9"));

        Assert.Equal(ClusterPool.Size, pool.MaxPoolSize);
        Assert.Equal("fleet-a-cluster", pool.ApplicationName);
        Assert.Equal("UTC", pool.Timezone);
        Assert.Equal(("db.example", "ledger"), (pool.Host, pool.Database));
    }
}
