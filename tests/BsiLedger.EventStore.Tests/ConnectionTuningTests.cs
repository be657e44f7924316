using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Tests;

public sealed class ConnectionTuningTests
{
    [Fact]
    public void A_plain_connection_string_gets_auto_prepared_statements_and_no_reset_on_close()
    {
        var tuned = new NpgsqlConnectionStringBuilder(LedgerStoreOptions.Tuned("Host=db;Database=ledger;Username=bsi"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Null(tuned.Options);
        Assert.Equal(ConnectionBudget.Default, tuned.MaxPoolSize);
        Assert.Equal("bsi", tuned.ApplicationName);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("ledger", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false;Options=-c plan_cache_mode=auto;Maximum Pool Size=7;Application Name=ops")]
    [InlineData("Host=db;maxautoprepare=0;noresetonclose=false;options=-c plan_cache_mode=auto;maxpoolsize=7;applicationname=ops")]
    public void Values_the_operator_set_are_kept_whatever_their_spelling(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(LedgerStoreOptions.Tuned(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
        Assert.Equal("-c plan_cache_mode=auto", tuned.Options);
        Assert.Equal(7, tuned.MaxPoolSize);
        Assert.Equal("ops", tuned.ApplicationName);
    }
}
