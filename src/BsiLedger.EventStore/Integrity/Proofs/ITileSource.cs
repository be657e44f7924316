namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>Where a <see cref="TreeReader"/> finds the tree's stored tiles.</summary>
public interface ITileSource
{
    /// <summary>The tile's entries written so far (empty when the tile holds none).</summary>
    ValueTask<EventHash[]> ReadAsync(int level, long index, CancellationToken ct);
}
