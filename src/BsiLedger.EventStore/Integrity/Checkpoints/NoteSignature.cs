namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>One signature line of a signed note: <c>— NAME BASE64(key ID ‖ signature)</c>.</summary>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature);
