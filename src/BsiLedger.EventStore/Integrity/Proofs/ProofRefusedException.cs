namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>The ledger cannot prove what was asked (a device it never had, an event after the checkpoint, a checkpoint it never signed).</summary>
public sealed class ProofRefusedException(string message) : Exception(message);
