namespace BsiLedger.Host.Cluster;

/// <summary>
/// One Orleans provider's share of the database: its tables and the statements it reads from <c>OrleansQuery</c> by key.
/// </summary>
/// <param name="Name">The part's row in <c>orleans_schema</c>, e.g. <c>membership</c>.</param>
/// <param name="Version">Raised whenever <paramref name="Tables"/> or a query's text changes.</param>
/// <param name="Tables">Idempotent DDL (<c>create … if not exists</c>).</param>
/// <param name="Queries">The provider's query keys and the statements behind them.</param>
public sealed record OrleansSchemaPart(string Name, int Version, string Tables, IReadOnlyDictionary<string, string> Queries);
