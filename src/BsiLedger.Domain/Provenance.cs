namespace BsiLedger.Domain;

/// <summary>
/// Why an event was written: the correlation id joins every event one operator command caused (a
/// recall's withdrawals to its RecallIssued), the causation id names the command itself. Stored as
/// Marten's correlation and causation metadata.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.provenance")]
public sealed record Provenance([property: Id(0)] string CorrelationId, [property: Id(1)] string CausationId)
{
    public static Provenance NewCommand() => NewCommand(Guid.NewGuid().ToString("N"));

    /// <summary>A command that starts its own correlation: both ids are the command's.</summary>
    public static Provenance NewCommand(string commandId) => new(commandId, commandId);
}
