namespace BsiLedger.Api;

/// <summary>The ledger's database, for questions asked of it directly (verification), not through Marten or the grains.</summary>
public sealed record LedgerConnection(string ConnectionString);
