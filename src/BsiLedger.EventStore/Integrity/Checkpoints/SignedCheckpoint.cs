namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>A <see cref="Checkpoint"/> in its <see cref="SignedNote"/>, as the ledger serves and stores it.</summary>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, SignedNote Note)
{
    public const string ExpectedForm = "a checkpoint as `bsi audit checkpoint --out FILE` writes it (a C2SP tlog-checkpoint in a signed note)";

    public static SignedCheckpoint Sign(Checkpoint checkpoint, LedgerKey key) =>
        new(checkpoint, SignedNote.Sign(checkpoint.ToNoteText(), key));

    /// <exception cref="FormatException">Not a signed checkpoint; the message says what is wrong.</exception>
    public static SignedCheckpoint Parse(string text)
    {
        var note = SignedNote.Parse(text);
        return new SignedCheckpoint(Checkpoint.Parse(note.Text), note);
    }

    /// <summary>Null when <paramref name="key"/> signed it for its own origin; otherwise why not.</summary>
    public string? Refusal(VerifierKey key) =>
        Checkpoint.Origin != key.Name ? $"the checkpoint is for origin '{Checkpoint.Origin}', the key is '{key.Name}'"
        : !Note.IsSignedBy(key) ? $"the checkpoint carries no valid signature by key {key.Name}+{key.Id:x8}"
        : null;

    /// <summary>Same tree: size and root (the signatures may differ).</summary>
    public bool SameTree(SignedCheckpoint other) => Checkpoint == other.Checkpoint;

    public override string ToString() => Note.ToString();
}
