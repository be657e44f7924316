using System.Net;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.Api.Tests;

/// <summary>A database that stops answering: 503 problems (and an unhealthy /health) while it is gone, answers again after.</summary>
public sealed class UnavailableTests(ApiServerFixture server) : ApiTest(server)
{
    [Fact]
    public async Task Requests_are_503_while_the_database_refuses_connections_and_answer_again_after()
    {
        var connection = await Server.Postgres.CreateDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(connection).Database!;
        var address = ApiServerFixture.FreeAddress();
        await using var app = await ApiServerFixture.StartAsync(connection, address);
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Operator);
        var device = UniqueIds.Device();

        await SetConnectionsAllowedAsync(database, false);
        try
        {
            var problem = await Expect(HttpStatusCode.ServiceUnavailable, Get(client, $"/audit/devices/{device}/history"));
            AssertProblem(problem, "LedgerUnavailable");
            await Expect(HttpStatusCode.ServiceUnavailable, Post(client, "/devices", new { id = device, platform = "iOS", os = "26.3.1" }));
            await Expect(HttpStatusCode.ServiceUnavailable, Get(client, "/health"));
        }
        finally
        {
            await SetConnectionsAllowedAsync(database, true);
        }

        await Expect(HttpStatusCode.NotFound, Get(client, $"/audit/devices/{device}/history"));
        await Expect(HttpStatusCode.OK, Get(client, "/health"));
    }

    /// <summary>Closes (or reopens) the database to new connections and ends the ones it has, as a database going down would.</summary>
    private async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        var admin = new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var allow = new NpgsqlCommand($"alter database {database} with allow_connections {(allowed ? "true" : "false")}", connection);
        await allow.ExecuteNonQueryAsync();
        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand("select pg_terminate_backend(pid) from pg_stat_activity where datname = @name", connection);
            terminate.Parameters.AddWithValue("name", database);
            await terminate.ExecuteNonQueryAsync();
        }
    }
}
