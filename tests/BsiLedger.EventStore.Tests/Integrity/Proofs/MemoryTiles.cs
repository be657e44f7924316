using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Integrity.Proofs;

namespace BsiLedger.EventStore.Tests.Integrity.Proofs;

/// <summary>A tree kept as tiles in memory, grown by <see cref="TileAppender"/> in batches as the ledger grows it.</summary>
public sealed class MemoryTiles : ITileSource
{
    private readonly Dictionary<(int, long), EventHash[]> _tiles = [];

    public long Size { get; private set; }

    public void Append(IReadOnlyList<EventHash> eventHashes)
    {
        var edge = TileAppender.EdgeOf(Size).ToDictionary(t => t.Level, t => _tiles[t]);
        foreach (var tile in TileAppender.Append(Size, edge, [.. eventHashes.Select(TreeHashing.Leaf)]))
        {
            _tiles[(tile.Level, tile.Index)] = tile.Hashes;
        }

        Size += eventHashes.Count;
    }

    public ValueTask<EventHash[]> ReadAsync(int level, long index, CancellationToken ct) =>
        ValueTask.FromResult(_tiles.TryGetValue((level, index), out var tile) ? tile : []);

    /// <summary>A tree of <paramref name="size"/> leaves grown in uneven batches, and its event hashes.</summary>
    public static (MemoryTiles Tiles, EventHash[] Events) Grown(int size)
    {
        var events = Enumerable.Range(0, size).Select(i => EventHash.Of(BitConverter.GetBytes(i))).ToArray();
        var tiles = new MemoryTiles();
        for (var at = 0; at < size;)
        {
            var batch = Math.Min(size - at, 1 + (at % 97));
            tiles.Append(events[at..(at + batch)]);
            at += batch;
        }

        return (tiles, events);
    }
}
