namespace BsiLedger.Operations.Input;

/// <summary>Input that is malformed whatever the ledger holds: exit 2, with what to write instead.</summary>
public sealed class UsageException(string message) : Exception(message);
