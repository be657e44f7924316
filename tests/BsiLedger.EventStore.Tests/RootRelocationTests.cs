using System.Runtime.Versioning;
using BsiLedger.EventStore.Postgres;
using Npgsql;
using Xunit;

namespace BsiLedger.EventStore.Tests;

/// <summary>
/// Under root the server runs as 'postgres'; a data directory inside a 0700 directory (as in /root) is out of its
/// reach, so its files are kept under /var/lib/bsiledger and the named directory points there.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RootRelocationTests : IDisposable
{
    private readonly string _private = Path.Combine("/tmp", "bsiledger-root-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _notices = [];

    private string DataDirectory => Path.Combine(_private, "ledger");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        // The relocated files live outside the test's own directory.
        foreach (var named in new[] { DataDirectory, CopiedDataDirectory })
        {
            var relocated = RelocatedDirectoryFor(named);
            if (Directory.Exists(relocated))
            {
                Directory.Delete(relocated, recursive: true);
            }
        }

        if (Directory.Exists(_private))
        {
            Directory.Delete(_private, recursive: true);
        }
    }

    private string CopiedDataDirectory => Path.Combine(_private, "copy");

    [Fact]
    public async Task An_unreachable_data_directory_starts_keeps_its_data_through_the_same_name_and_says_so_once()
    {
        RunningAsRootWithAPrivateDirectory();
        await using (var first = await EmbeddedPostgres.StartAsync(Options(DataDirectory), Ct))
        {
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }

        await using var second = await EmbeddedPostgres.StartAsync(Options(DataDirectory), Ct);

        Assert.Equal(42, await ScalarAsync<int>(second.ConnectionString, "SELECT id FROM kept"));
        var relocated = RelocatedDirectoryFor(DataDirectory);
        Assert.Equal(relocated, File.ReadLines(PointerIn(DataDirectory)).First());
        Assert.True(File.Exists(Path.Combine(relocated, "pg", "PG_VERSION")));
        Assert.False(Directory.Exists(Path.Combine(DataDirectory, "pg")));
        var notice = Assert.Single(_notices);
        Assert.Contains(DataDirectory, notice, StringComparison.Ordinal);
        Assert.Contains(relocated, notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_on_the_same_named_directory_is_refused_while_the_first_runs()
    {
        RunningAsRootWithAPrivateDirectory();
        await using var first = await EmbeddedPostgres.StartAsync(Options(DataDirectory), Ct);

        var busy = await Assert.ThrowsAsync<EmbeddedPostgresBusyException>(
            () => EmbeddedPostgres.StartAsync(Options(DataDirectory), Ct));

        Assert.Contains(DataDirectory, busy.Message, StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync<int>(first.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task A_copied_pointer_cannot_take_over_the_server_of_the_directory_it_was_copied_from()
    {
        RunningAsRootWithAPrivateDirectory();
        await using var first = await EmbeddedPostgres.StartAsync(Options(DataDirectory), Ct);
        Directory.CreateDirectory(CopiedDataDirectory);
        File.Copy(PointerIn(DataDirectory), PointerIn(CopiedDataDirectory));

        await Assert.ThrowsAsync<EmbeddedPostgresBusyException>(
            () => EmbeddedPostgres.StartAsync(Options(CopiedDataDirectory), Ct));

        Assert.Equal(1, await ScalarAsync<int>(first.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task A_reachable_data_directory_is_used_in_place_without_a_pointer_or_a_notice()
    {
        RunningAsRootWithAPrivateDirectory();
        var reachable = Path.Combine("/tmp", "bsiledger-reachable-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (await EmbeddedPostgres.StartAsync(Options(reachable), Ct))
            {
                Assert.True(File.Exists(Path.Combine(reachable, "pg", "PG_VERSION")));
            }

            Assert.False(File.Exists(PointerIn(reachable)));
            Assert.Empty(_notices);
        }
        finally
        {
            Directory.Delete(reachable, recursive: true);
            // Only there if this test fails.
            if (Directory.Exists(RelocatedDirectoryFor(reachable)))
            {
                Directory.Delete(RelocatedDirectoryFor(reachable), recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_relocation_target_that_cannot_be_made_is_refused_saying_what_to_do()
    {
        RunningAsRootWithAPrivateDirectory();
        Directory.CreateDirectory(DataDirectory);
        var blocked = Path.Combine(_private, "a-file");
        await File.WriteAllTextAsync(blocked, "", Ct);
        var relocation = new DataDirectoryRelocation(PostgresAccount.ForCurrentProcess(), Path.Combine(blocked, "bsiledger"));

        var refused = await Assert.ThrowsAsync<EmbeddedPostgresException>(
            () => relocation.ResolveAsync(DataDirectory, _notices.Add, Ct));

        Assert.Contains(DataDirectory, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"Create {Path.Combine(blocked, "bsiledger")}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--connection", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(PointerIn(DataDirectory)));
        Assert.Empty(_notices);
    }

    private void RunningAsRootWithAPrivateDirectory()
    {
        Assert.SkipUnless(Environment.UserName == "root", "relocation happens only when bsi runs as root");
        // Mode 0700 under root: 'postgres' cannot traverse it, as with /root.
        Directory.CreateDirectory(_private, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private EmbeddedPostgresOptions Options(string dataDirectory) =>
        new(dataDirectory, Durable: false) { Notice = _notices.Add };

    private static string PointerIn(string dataDirectory) => Path.Combine(dataDirectory, DataDirectoryRelocation.PointerFileName);

    private static string RelocatedDirectoryFor(string dataDirectory) =>
        Path.Combine(DataDirectoryRelocation.DefaultRoot, DataDirectoryRelocation.Digest(dataDirectory));

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
