using BsiLedger.EventStore.Postgres;
using BsiLedger.Host.Cluster;
using Npgsql;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>The membership's connections are part of the process's budget, not on top of it.</summary>
public sealed class ClusterPoolTests
{
    private const string Server = "Host=db.example;Username=bsi;Database=ledger";

    [Theory]
    [InlineData(6, 4)]
    [InlineData(3, 1)]
    public void A_silo_of_a_cluster_leaves_the_ledger_its_budget_less_the_membership_pool(int budget, int ledger)
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
    public void The_membership_pool_is_small_named_for_the_ledger_and_on_utc()
    {
        var pool = new NpgsqlConnectionStringBuilder(ClusterPool.ConnectionString($"{Server};Application Name=fleet-a;Maximum Pool Size=9"));

        Assert.Equal(ClusterPool.Size, pool.MaxPoolSize);
        Assert.Equal("fleet-a-cluster", pool.ApplicationName);
        Assert.Equal("UTC", pool.Timezone);
        Assert.Equal(("db.example", "ledger"), (pool.Host, pool.Database));
    }
}
