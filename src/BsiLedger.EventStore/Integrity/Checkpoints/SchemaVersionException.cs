namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>The database holds a part of the ledger's schema written by a newer bsi, which this one must not downgrade.</summary>
public sealed class SchemaVersionException(string part, int stored, int known) : Exception(
    $"the database's '{part}' schema is at version {stored}, newer than this bsi knows ({known}): use the bsi that wrote it");
