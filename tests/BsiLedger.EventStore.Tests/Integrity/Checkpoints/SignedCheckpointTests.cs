using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Integrity.Checkpoints;

namespace BsiLedger.EventStore.Tests.Integrity.Checkpoints;

public sealed class SignedCheckpointTests
{
    private static readonly Checkpoint Tree = new("ledger.example/bsi", 1_777_253, EventHash.Of([7]));

    [Fact]
    public void A_checkpoint_signed_by_the_ledger_key_reads_back_and_verifies_with_its_public_key_alone()
    {
        using var key = LedgerKey.Create("ledger.example/bsi");
        var text = SignedCheckpoint.Sign(Tree, key).ToString();
        var publicKey = VerifierKey.Parse(key.Verifier.ToString());

        var read = SignedCheckpoint.Parse(text);

        Assert.Equal(Tree, read.Checkpoint);
        Assert.Null(read.Refusal(publicKey));
        Assert.StartsWith("ledger.example/bsi\n1777253\n", text, StringComparison.Ordinal);
        Assert.Contains("\n\n\u2014 ledger.example/bsi ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_key_written_to_its_file_signs_as_the_same_key()
    {
        using var key = LedgerKey.Create("ledger.example/bsi");
        using var again = LedgerKey.Parse(key.ToFileText());

        Assert.Equal(key.Verifier, again.Verifier);
        Assert.Null(SignedCheckpoint.Sign(Tree, again).Refusal(key.Verifier));
    }

    [Fact]
    public void A_bad_signature_another_key_or_another_origin_is_refused()
    {
        using var key = LedgerKey.Create("ledger.example/bsi");
        using var impostor = LedgerKey.Create("ledger.example/bsi");
        using var otherOrigin = LedgerKey.Create("elsewhere.example/bsi");
        var text = SignedCheckpoint.Sign(Tree, key).ToString();
        var edited = SignedCheckpoint.Parse(text.Replace("1777253", "1777254", StringComparison.Ordinal));

        Assert.NotNull(edited.Refusal(key.Verifier));
        Assert.NotNull(SignedCheckpoint.Parse(text).Refusal(impostor.Verifier));
        Assert.NotNull(SignedCheckpoint.Parse(text).Refusal(otherOrigin.Verifier));
        Assert.NotNull(SignedCheckpoint.Sign(Tree with { Origin = "elsewhere.example/bsi" }, otherOrigin).Refusal(key.Verifier));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ledger.example/bsi\n5\nAAAA\n")]
    [InlineData("ledger.example/bsi\n5\n\n\u2014 ledger.example/bsi AAAAAAA=\n")]
    [InlineData("ledger.example/bsi\n05\nB8vBHfT0TZ4VH9WPrmpzsZQ8Ry0gXu/NZjxk9zQUkGw=\n\n\u2014 ledger.example/bsi AAAAAAA=\n")]
    [InlineData("ledger.example/bsi\n5\nB8vBHfT0TZ4VH9WPrmpzsZQ8Ry0gXu/NZjxk9zQUkGw=\n\n- ledger.example/bsi AAAAAAA=\n")]
    public void Text_that_is_not_a_signed_checkpoint_is_malformed(string text)
    {
        Assert.Throws<FormatException>(() => SignedCheckpoint.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ledger example")]
    [InlineData("ledger+example")]
    public void A_key_name_with_spaces_or_plus_is_refused(string name)
    {
        Assert.Throws<FormatException>(() => LedgerKey.Create(name));
    }
}
