using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Tests;

public sealed class ConnectionBudgetTests
{
    [Fact]
    public void The_default_is_two_connections_per_core_and_two_more_at_most_twenty() =>
        Assert.Equal(Math.Min(2 * Environment.ProcessorCount + 2, 20), ConnectionBudget.Default);

    [Fact]
    public void A_requested_budget_bounds_a_connection_string_that_states_none() =>
        Assert.Equal(3, PoolSize(ConnectionBudget.Apply("Host=db;Username=bsi", 3)));

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=9")]
    [InlineData("Host=db;maximum pool size=9")]
    [InlineData("Host=db;MaxPoolSize=9")]
    public void A_pool_size_in_the_connection_string_wins_over_the_request(string connectionString) =>
        Assert.Equal(9, PoolSize(ConnectionBudget.Apply(connectionString, 3)));

    [Fact]
    public void The_checked_budget_is_the_one_the_pool_will_have() =>
        Assert.Equal(5, ConnectionBudget.Of(ConnectionBudget.Apply("Host=db", 5)));

    [Fact]
    public async Task The_embedded_server_allows_postgresqls_default_and_leaves_the_pool_to_the_budget()
    {
        var directory = Path.Combine("/tmp", "bsiledger-budget-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            await using var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(directory, Durable: false), TestContext.Current.CancellationToken);
            await using var connection = await LedgerDataSource.OpenAsync(postgres.ConnectionString, TestContext.Current.CancellationToken);
            var server = await ServerConnections.ReadAsync(connection, TestContext.Current.CancellationToken);

            Assert.Equal(100, server.Max);
            Assert.False(ConnectionBudget.States(postgres.ConnectionString));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int PoolSize(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize;
}
