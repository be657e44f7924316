using Npgsql;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// bsi against a ledger of the test's own (a database it may also edit behind the program's back); every run asserts
/// the exit code it expects.
/// </summary>
public static class OwnLedger
{
    public static async Task<BsiRun> Run(string connection, int expectedExit, params string[] args)
    {
        var run = await Bsi.RunAsync([.. args, "--connection", connection, "--telemetry", "none"]);
        Assert.True(run.ExitCode == expectedExit, $"expected exit {expectedExit} for bsi {string.Join(' ', args)}\n{run}");
        return run;
    }

    public static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The single number a <c>select count(*)</c> answers.</summary>
    public static async Task<long> CountAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
