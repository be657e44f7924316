namespace BsiLedger.EventStore.Integrity;

/// <summary>One place where the stored history is not what was appended: the stream, the version, and what is wrong.</summary>
public sealed record ChainFinding(string StreamId, long Version, string Problem)
{
    public override string ToString() => $"stream '{StreamId}' version {Version}: {Problem}";
}
