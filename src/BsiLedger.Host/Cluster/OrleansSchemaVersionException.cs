namespace BsiLedger.Host.Cluster;

/// <summary>The database holds a newer version of a part of the Orleans schema than this program writes.</summary>
public sealed class OrleansSchemaVersionException(string part, int stored, int known) : Exception(
    $"the database's Orleans {part} schema is version {stored}, newer than this bsi knows ({known}): upgrade bsi before starting it against this database")
{
    public string Part { get; } = part;
}
