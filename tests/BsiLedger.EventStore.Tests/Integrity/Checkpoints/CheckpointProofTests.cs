using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Integrity.Checkpoints;
using BsiLedger.EventStore.Integrity.Proofs;
using BsiLedger.EventStore.Journal;
using BsiLedger.Testing;

namespace BsiLedger.EventStore.Tests.Integrity.Checkpoints;

/// <summary>Checkpoints signed over a real ledger, proofs answered from its stored tiles and checked offline.</summary>
public sealed class CheckpointProofTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checkpoints_signed_as_the_ledger_grows_have_the_digests_root_and_each_extends_the_one_before()
    {
        await using var ledger = await LedgerOfItsOwn.CreateAsync(postgres);
        using var key = LedgerKey.Create("test.example/ledger");
        var signer = new CheckpointSigner(ledger.ConnectionString, Settle);

        var checkpoints = new List<SignedCheckpoint>();
        foreach (var (from, count) in new[] { (0, 1), (1, 90), (91, 2), (93, 200) })
        {
            await ledger.WriteDevicesAsync(from, count, Ct);
            var (stored, isNew) = await signer.SignAsync(key, Ct);
            var digest = await new DigestTaker(ledger.ConnectionString, Settle).TakeAsync(Ct);

            Assert.True(isNew);
            Assert.Equal((digest.Events, digest.Root), (stored.Head.Checkpoint.Size, stored.Head.Checkpoint.Root.ToString()));
            checkpoints.Add(stored.Head);
        }

        var builder = new ProofBuilder(ledger.ConnectionString);
        for (var i = 0; i < checkpoints.Count; i++)
        {
            for (var j = i; j < checkpoints.Count; j++)
            {
                var proof = await builder.ProveConsistencyAsync(checkpoints[i], checkpoints[j], Ct);
                Assert.True(Check(proof, checkpoints[i], key).Valid, $"{i} → {j}");
            }
        }
    }

    [Fact]
    public async Task A_ledger_that_has_not_grown_keeps_its_last_checkpoint_and_the_checkpoints_are_chained()
    {
        await using var ledger = await LedgerOfItsOwn.CreateAsync(postgres);
        using var key = LedgerKey.Create("test.example/ledger");
        var signer = new CheckpointSigner(ledger.ConnectionString, Settle);
        await ledger.WriteDevicesAsync(0, 3, Ct);

        var (first, _) = await signer.SignAsync(key, Ct);
        var (again, isNew) = await signer.SignAsync(key, Ct);
        await ledger.WriteDevicesAsync(3, 1, Ct);
        var (second, _) = await signer.SignAsync(key, Ct);

        Assert.False(isNew);
        Assert.Equal((first.Number, first.Head.ToString()), (again.Number, again.Head.ToString()));
        Assert.Equal((1L, 2L), (first.Number, second.Number));
        Assert.NotEqual(first.Chain, second.Chain);
        await Assert.ThrowsAnyAsync<Exception>(() => ledger.TamperAsync($"update {CheckpointSchema.Checkpoints} set tree_size = 1"));
    }

    [Fact]
    public async Task A_device_proof_checks_offline_until_a_row_is_edited_in_the_database()
    {
        await using var ledger = await LedgerOfItsOwn.CreateAsync(postgres);
        using var key = LedgerKey.Create("test.example/ledger");
        await ledger.WriteDevicesAsync(0, 300, Ct);
        var (checkpoint, _) = await new CheckpointSigner(ledger.ConnectionString, Settle).SignAsync(key, Ct);
        var builder = new ProofBuilder(ledger.ConnectionString);

        var proof = await builder.ProveDeviceAsync("d-217", null, checkpoint.Head, Ct);
        Assert.Equal([1L, 2L, 3L], proof.Events.Select(e => e.Version));
        Assert.True(Check(proof, checkpoint.Head, key).Valid, Check(proof, checkpoint.Head, key).Message);
        Assert.True(Check(await builder.ProveDeviceAsync("d-217", 2, checkpoint.Head, Ct), checkpoint.Head, key).Valid);

        await ledger.TamperAsync("""update EVENTS set data = jsonb_set(data, '{model}', '"iPhone99,9"') where stream_id = 'd-217' and version = 1""");
        var edited = Check(await builder.ProveDeviceAsync("d-217", null, checkpoint.Head, Ct), checkpoint.Head, key);

        Assert.Equal("event hash", edited.Check);
    }

    [Fact]
    public async Task A_device_proof_missing_its_first_event_fails_the_versions_check()
    {
        await using var ledger = await LedgerOfItsOwn.CreateAsync(postgres);
        using var key = LedgerKey.Create("test.example/ledger");
        await ledger.WriteDevicesAsync(0, 5, Ct);
        var (checkpoint, _) = await new CheckpointSigner(ledger.ConnectionString, Settle).SignAsync(key, Ct);
        var proof = await new ProofBuilder(ledger.ConnectionString).ProveDeviceAsync("d-2", null, checkpoint.Head, Ct);

        var outcome = Check(proof with { Events = proof.Events.Skip(1).ToList() }, checkpoint.Head, key);

        Assert.Equal("versions", outcome.Check);
    }

    [Fact]
    public async Task Events_after_the_checkpoint_are_refused_and_another_ledgers_checkpoint_is_refused()
    {
        await using var ledger = await LedgerOfItsOwn.CreateAsync(postgres);
        using var key = LedgerKey.Create("test.example/ledger");
        await ledger.WriteDevicesAsync(0, 2, Ct);
        var (checkpoint, _) = await new CheckpointSigner(ledger.ConnectionString, Settle).SignAsync(key, Ct);
        await ledger.WriteDevicesAsync(2, 1, Ct);
        var builder = new ProofBuilder(ledger.ConnectionString);

        var later = await Assert.ThrowsAsync<ProofRefusedException>(() => builder.ProveDeviceAsync("d-2", null, checkpoint.Head, Ct));
        var foreign = SignedCheckpoint.Sign(checkpoint.Head.Checkpoint with { Size = 5 }, key);

        Assert.Contains("not covered by that checkpoint", later.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ProofRefusedException>(() => builder.ProveDeviceAsync("d-1", null, foreign, Ct));
        await Assert.ThrowsAsync<ProofRefusedException>(() => builder.ProveDeviceAsync("never-enrolled", null, checkpoint.Head, Ct));
    }

    private static CheckOutcome Check(object proof, SignedCheckpoint trusted, LedgerKey key) =>
        ProofChecker.Check(ProofDocument.Parse(ProofDocument.ToJson(proof)), SignedCheckpoint.Parse(trusted.ToString()), VerifierKey.Parse(key.Verifier.ToString()));
}
