using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using static BsiLedger.Cli.Tests.OwnLedger;

namespace BsiLedger.Cli.Tests;

public sealed class AuditVerifyTests(PostgresFixture postgres)
{
    private static readonly string EventCount = $"select count(*) from {LedgerStoreOptions.Schema}.mt_events";

    [Fact]
    public async Task A_digest_verifies_until_an_event_before_it_is_edited_and_then_the_edit_is_named()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("bsi-digest-").FullName;
        var digestFile = Path.Combine(directory, "ledger.digest");
        await Run(connection, 0, "device", "enroll", "audited-1", "--platform", "iOS", "--os", "26.3.1");
        await Run(connection, 0, "release", "publish", "iOS 26.3.1 (a)", "--components", "WebKit");

        await Run(connection, 0, "audit", "digest", "--out", digestFile);
        await Run(connection, 0, "device", "install", "audited-1", "iOS 26.3.1 (a)");
        var events = await CountAsync(connection, EventCount);
        var intact = (await Run(connection, 0, "audit", "verify", "--digest", digestFile, "--json")).Json();

        Assert.True(intact.GetProperty("intact").GetBoolean());
        Assert.True(intact.GetProperty("digest").GetProperty("matches").GetBoolean());
        Assert.Equal(events, intact.GetProperty("events").GetInt64());
        Assert.Equal(events, await CountAsync(connection, EventCount));

        await ExecuteAsync(connection, $"update {LedgerStoreOptions.Schema}.mt_events set data = jsonb_set(data, '{{model}}', '\"forged\"') where stream_id = 'audited-1' and version = 1");
        var altered = await Run(connection, 1, "audit", "verify", "--digest", digestFile);

        Assert.Contains("altered: stream 'audited-1' version 1", altered.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_digest_is_bad_input_with_the_expected_form()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("bsi-digest-").FullName, "notes.txt");
        await File.WriteAllTextAsync(file, "{\"root\": \"abc\"}", TestContext.Current.CancellationToken);

        var run = await Run(postgres.ConnectionString, 2, "audit", "verify", "--digest", file);

        Assert.Contains("not a digest", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("bsi audit digest", run.Stderr, StringComparison.Ordinal);
    }
}
