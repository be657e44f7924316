using BsiLedger.EventStore.Integrity.Checkpoints;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using static BsiLedger.Cli.Tests.OwnLedger;

namespace BsiLedger.Cli.Tests;

/// <summary>Keys, signed checkpoints, proofs and the offline check, through the real program.</summary>
public sealed class AuditProofTests(PostgresFixture postgres)
{
    private static readonly string CheckpointCount = $"select count(*) from {CheckpointSchema.Checkpoints}";

    private readonly string _directory = Directory.CreateTempSubdirectory("bsi-proofs-").FullName;

    private string File(string name) => Path.Combine(_directory, name);

    [Fact]
    public async Task A_device_proof_checks_offline_and_fails_once_its_row_is_edited_in_the_database()
    {
        var connection = await LedgerAsync();
        var keygen = await Run(connection, 0, "audit", "keygen", "--out", _directory, "--origin", "test.example/ledger");
        await Run(connection, 0, "audit", "checkpoint", "--key", File("ledger.key"), "--out", File("cp-1"));
        await Run(connection, 0, "audit", "prove", "audited-1", "--checkpoint", File("cp-1"), "--out", File("proof.json"));

        var valid = await Run(connection, 0, "audit", "check", File("proof.json"), "--checkpoint", File("cp-1"), "--public-key", File("ledger.pub"));

        Assert.StartsWith("test.example/ledger+", keygen.Stdout, StringComparison.Ordinal);
        Assert.True(OperatingSystem.IsWindows() || System.IO.File.GetUnixFileMode(File("ledger.key")) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.Contains("versions 1 to 2", valid.Stdout, StringComparison.Ordinal);

        await ExecuteAsync(connection, $"update {LedgerStoreOptions.Schema}.mt_events set data = jsonb_set(data, '{{model}}', '\"forged\"') where stream_id = 'audited-1' and version = 1");
        await Run(connection, 0, "audit", "prove", "audited-1", "--checkpoint", File("cp-1"), "--out", File("edited.json"));
        var invalid = await Run(connection, 1, "audit", "check", File("edited.json"), "--checkpoint", File("cp-1"), "--public-key", File("ledger.pub"), "--json");

        Assert.Equal("event hash", invalid.Json().GetProperty("failedCheck").GetString());
    }

    [Fact]
    public async Task An_event_after_the_checkpoint_is_refused_and_a_consistency_proof_links_the_two_checkpoints()
    {
        var connection = await LedgerAsync();
        await Run(connection, 0, "audit", "keygen", "--out", _directory);
        await Run(connection, 0, "audit", "checkpoint", "--key", File("ledger.key"), "--out", File("cp-1"));
        await Run(connection, 0, "device", "enroll", "late-1", "--platform", "iOS", "--os", "26.3.1");

        var refused = await Run(connection, 1, "audit", "prove", "late-1", "--checkpoint", File("cp-1"), "--out", File("late.json"));
        await Run(connection, 0, "audit", "checkpoint", "--key", File("ledger.key"), "--out", File("cp-2"));
        await Run(connection, 0, "audit", "prove-consistency", "--from", File("cp-1"), "--to", File("cp-2"), "--out", File("consistency.json"));
        var valid = await Run(connection, 0, "audit", "check", File("consistency.json"), "--checkpoint", File("cp-1"), "--public-key", File("ledger.pub"));

        Assert.Contains("not covered by that checkpoint", refused.Stderr, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(File("late.json")));
        Assert.Contains("extends", valid.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(connection, CheckpointCount));
    }

    [Fact]
    public async Task Bad_input_is_a_clear_error_with_the_right_exit_code_and_nothing_written()
    {
        var connection = await LedgerAsync();
        await Run(connection, 0, "audit", "keygen", "--out", _directory);
        var other = Directory.CreateTempSubdirectory("bsi-other-key-").FullName;
        await Run(connection, 0, "audit", "keygen", "--out", other);
        await Run(connection, 0, "audit", "checkpoint", "--key", File("ledger.key"), "--out", File("cp-1"));
        await Run(connection, 0, "audit", "prove", "audited-1", "--checkpoint", File("cp-1"), "--out", File("proof.json"));
        await System.IO.File.WriteAllTextAsync(File("not-a-note"), "hello\n", TestContext.Current.CancellationToken);

        var notANote = await Run(connection, 2, "audit", "prove", "audited-1", "--checkpoint", File("not-a-note"));
        var noDevice = await Run(connection, 1, "audit", "prove", "nobody", "--checkpoint", File("cp-1"));
        var noVersion = await Run(connection, 2, "audit", "prove", "audited-1", "--version", "9", "--checkpoint", File("cp-1"));
        var anotherKey = await Run(connection, 1, "audit", "check", File("proof.json"), "--checkpoint", File("cp-1"), "--public-key", Path.Combine(other, "ledger.pub"));
        var wrongShape = await Run(connection, 2, "audit", "check", File("cp-1"), "--checkpoint", File("cp-1"), "--public-key", File("ledger.pub"));
        var overwrite = await Run(connection, 2, "audit", "keygen", "--out", _directory);
        var noKey = await Run(connection, 2, "audit", "checkpoint");

        Assert.Contains("not a signed note", notANote.Stderr, StringComparison.Ordinal);
        Assert.Contains("never enrolled", noDevice.Stderr, StringComparison.Ordinal);
        Assert.Contains("versions 1 to 2", noVersion.Stderr, StringComparison.Ordinal);
        Assert.Contains("trusted checkpoint signature", anotherKey.Stdout, StringComparison.Ordinal);
        Assert.Contains("not a proof", wrongShape.Stderr, StringComparison.Ordinal);
        Assert.Contains("never overwrites", overwrite.Stderr, StringComparison.Ordinal);
        Assert.Contains("--key", noKey.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(connection, CheckpointCount));
    }

    private async Task<string> LedgerAsync()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await Run(connection, 0, "device", "enroll", "audited-1", "--platform", "iOS", "--os", "26.3.1");
        await Run(connection, 0, "release", "publish", "iOS 26.3.1 (a)", "--components", "WebKit");
        await Run(connection, 0, "device", "install", "audited-1", "iOS 26.3.1 (a)");
        return connection;
    }
}
