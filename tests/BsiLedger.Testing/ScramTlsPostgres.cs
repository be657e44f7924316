using System.Diagnostics;
using System.Security.Cryptography;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.Testing;

/// <summary>
/// A private PostgreSQL set up the way servers users connect to usually are: passwords stored and checked as
/// SCRAM-SHA-256, TCP only over TLS (with a self-signed certificate made for the test), and a login role with a
/// password that owns its database. It starts as the embedded server does and is then reconfigured through its own
/// files and SQL, so the product's embedded server stays as it is.
/// </summary>
public sealed class ScramTlsPostgres : IAsyncLifetime
{
    public const string Owner = "ledger_owner";

    // No entry accepts TCP without TLS, and nothing is trusted without a password.
    private const string HostBasedAccess =
        """
        # TYPE     DATABASE  USER  ADDRESS       METHOD
        local      all       all                 scram-sha-256
        hostssl    all       all   127.0.0.1/32  scram-sha-256
        hostssl    all       all   ::1/128       scram-sha-256
        hostnossl  all       all   0.0.0.0/0     reject
        hostnossl  all       all   ::/0          reject

        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bsiledger-tls-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _ownerPassword = Secret();
    private readonly string _superUserPassword = Secret();
    private EmbeddedPostgres? _postgres;

    /// <summary>The owner's connection as a user writes it: password and <c>SSL Mode=Require</c>.</summary>
    public string ConnectionString => Connection(Owner, _ownerPassword, "ledger");

    /// <summary>The server's certificate, for clients that verify it (<c>SSL Mode=VerifyFull;Root Certificate=…</c>).</summary>
    public string CertificateFile => Path.Combine(_directory, "tls", "server.crt");

    private string LogFile => Path.Combine(_directory, "postgres.log");

    private string AdminConnectionString => Connection(EmbeddedPostgres.DatabaseName, _superUserPassword, "postgres");

    /// <summary>A new, empty database owned by <see cref="Owner"/>, for a test that needs a ledger of its own.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(AdminConnectionString, $"create database {name} owner {Owner}");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Asks the server, as its superuser, one scalar question.</summary>
    public Task<T> AdminScalarAsync<T>(string sql) => ScalarAsync<T>(AdminConnectionString, sql);

    public async ValueTask InitializeAsync()
    {
        _postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_directory, Durable: false), CancellationToken.None);
        var trusted = _postgres.ConnectionString;
        await WriteCertificateAsync();
        await ExecuteAsync(trusted,
            "alter system set password_encryption = 'scram-sha-256'",
            "alter system set ssl = on",
            $"alter system set ssl_cert_file = '{CertificateFile}'",
            $"alter system set ssl_key_file = '{Path.Combine(_directory, "tls", "server.key")}'",
            "set password_encryption = 'scram-sha-256'",
            $"alter role {EmbeddedPostgres.DatabaseName} password '{_superUserPassword}'",
            $"create role {Owner} login password '{_ownerPassword}'",
            $"create database ledger owner {Owner}");

        var hbaFile = await ScalarAsync<string>(trusted, "show hba_file");
        await File.WriteAllTextAsync(hbaFile, HostBasedAccess);
        await ExecuteAsync(trusted, "select pg_reload_conf()");
        await WaitUntilTlsIsServedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string Connection(string username, string password, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = new NpgsqlConnectionStringBuilder(_postgres?.ConnectionString ?? throw new InvalidOperationException("not started")).Port,
            Username = username,
            Password = password,
            Database = database,
            SslMode = SslMode.Require,
        }.ConnectionString;

    private async Task WriteCertificateAsync()
    {
        var tls = Path.Combine(_directory, "tls");
        Directory.CreateDirectory(tls);
        var key = Path.Combine(tls, "server.key");
        SelfSignedCertificate.Write(CertificateFile, key);
        // Under root the server runs as another user, who must own the key (PostgreSQL checks): the one who owns the cluster.
        if (string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            var reference = "--reference=" + Path.Combine(_directory, "pg", "PG_VERSION");
            await RunAsync("chown", reference, tls, CertificateFile, key);
        }
    }

    // A reload is asynchronous: the postmaster rereads its files after the call returns.
    private async Task WaitUntilTlsIsServedAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await ScalarAsync<bool>(AdminConnectionString, "select ssl from pg_stat_ssl where pid = pg_backend_pid()"))
                {
                    return;
                }
            }
            catch (NpgsqlException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
            }
            catch (NpgsqlException ex)
            {
                throw new InvalidOperationException($"The server did not accept SCRAM over TLS after its reload; see {LogFile}:\n{ReadLog()}", ex);
            }

            await Task.Delay(100);
        }
    }

    private string ReadLog()
    {
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(20));
    }

    // ';' and '=' make the connection string quote the password, as a user's may have to.
    private static string Secret() => "pw;" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "=";

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
