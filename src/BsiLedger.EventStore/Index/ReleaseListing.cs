namespace BsiLedger.EventStore.Index;

/// <summary>A published release and its product line, so a line's releases can be found without scanning streams.</summary>
public sealed class ReleaseListing
{
    public string Id { get; set; } = "";

    public string Line { get; set; } = "";
}
