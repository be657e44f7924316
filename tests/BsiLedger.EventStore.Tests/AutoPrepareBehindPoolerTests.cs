using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Tests;

public sealed class AutoPrepareBehindPoolerTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.InvalidSqlStatementName, "prepared statement \"_auto3\" does not exist")]
    [InlineData(PostgresErrorCodes.DuplicatePreparedStatement, "prepared statement \"_auto0\" already exists")]
    public void An_auto_prepared_statement_the_server_lost_or_already_had_is_explained_even_when_wrapped(string sqlState, string message)
    {
        var lost = Error(sqlState, message);

        Assert.True(AutoPrepareBehindPooler.Explains(lost));
        Assert.True(AutoPrepareBehindPooler.Explains(new JournalUnavailableException("could not append to 3 stream(s)", lost)));
        Assert.True(AutoPrepareBehindPooler.Explains(new AggregateException(new TimeoutException(), new InvalidOperationException("wrapped", lost))));
    }

    [Theory]
    [InlineData(PostgresErrorCodes.InvalidSqlStatementName, "prepared statement \"audit_cut\" does not exist")]
    [InlineData(PostgresErrorCodes.DuplicatePreparedStatement, "prepared statement \"audit_cut\" already exists")]
    [InlineData(PostgresErrorCodes.AdminShutdown, "terminating connection due to administrator command")]
    public void Other_failures_are_not_blamed_on_a_pooler(string sqlState, string message)
    {
        Assert.False(AutoPrepareBehindPooler.Explains(new JournalUnavailableException("could not append", Error(sqlState, message))));
        Assert.False(AutoPrepareBehindPooler.Explains(new NpgsqlException("Exception while reading from stream")));
    }

    private static PostgresException Error(string sqlState, string message) => new(message, "ERROR", "ERROR", sqlState);
}
