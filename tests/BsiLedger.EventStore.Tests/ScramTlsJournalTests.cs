using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests;

/// <summary>The ledger over a server that wants a SCRAM password and TLS, as users' servers do.</summary>
public sealed class ScramTlsJournalTests(ScramTlsPostgres server) : IClassFixture<ScramTlsPostgres>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_journal_appends_and_reads_a_stream_as_a_password_owner_over_tls()
    {
        var connection = await server.CreateDatabaseAsync();
        using var store = LedgerStoreOptions.CreateStore(connection);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var journal = new MartenEventJournal(store, new JournalOptions());
        var id = UniqueIds.Device();

        var head = await journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], Ct);
        await journal.AppendAsync(id, head, [JournalEvents.Installed(id)], Ct);
        var events = await journal.ReadAsync(id, 0, Ct);

        Assert.Equal(["bsi.device-enrolled", "bsi.bsi-installed"], events.Select(e => e.TypeName));
        Assert.Equal([1L, 2L], await StoredRows.VersionsAsync(connection, id));
    }

    [Fact]
    public async Task The_connection_is_encrypted_and_the_password_is_stored_as_scram()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var ssl = new NpgsqlCommand("select ssl from pg_stat_ssl where pid = pg_backend_pid()", connection);

        Assert.True((bool)(await ssl.ExecuteScalarAsync(Ct))!);
        Assert.StartsWith("SCRAM-SHA-256$",
            await server.AdminScalarAsync<string>($"select rolpassword from pg_authid where rolname = '{ScramTlsPostgres.Owner}'"),
            StringComparison.Ordinal);
        Assert.Equal("scram-sha-256", await server.AdminScalarAsync<string>("show password_encryption"));
    }

    [Fact]
    public async Task A_connection_without_tls_is_refused_by_the_server()
    {
        var plain = new NpgsqlConnectionStringBuilder(server.ConnectionString) { SslMode = SslMode.Disable }.ConnectionString;

        var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(plain));

        Assert.Equal(PostgresErrorCodes.InvalidAuthorizationSpecification, refused.SqlState);
        Assert.Contains("no encryption", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_by_the_server()
    {
        var wrong = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "not-the-password" }.ConnectionString;

        var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(wrong));

        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
    }

    [Fact]
    public async Task VerifyFull_accepts_the_server_given_its_certificate_and_refuses_it_otherwise()
    {
        var verified = new NpgsqlConnectionStringBuilder(server.ConnectionString) { SslMode = SslMode.VerifyFull, RootCertificate = server.CertificateFile };
        var unverifiable = new NpgsqlConnectionStringBuilder(server.ConnectionString) { SslMode = SslMode.VerifyFull };

        await OpenAsync(verified.ConnectionString);
        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(unverifiable.ConnectionString));

        Assert.IsType<System.Security.Authentication.AuthenticationException>(refused.InnerException);
    }

    private static async Task OpenAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
    }
}
