namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>
/// Grows a tree kept as <see cref="Tile"/>s by a batch of leaves, touching only the tiles at its right edge: the work
/// is proportional to the leaves added (plus one partial tile per level), never to the tree's size.
/// </summary>
public static class TileAppender
{
    /// <param name="size">Leaves in the tree before the batch.</param>
    /// <param name="edge">Per level, the entries of that level's partial tile (the last one, when it is not full).</param>
    /// <param name="leaves">The new leaf hashes (already SHA-256(0x00 ‖ …)), in order.</param>
    /// <returns>Every tile that changed, whole.</returns>
    public static IReadOnlyList<Tile> Append(long size, IReadOnlyDictionary<int, EventHash[]> edge, IReadOnlyList<EventHash> leaves)
    {
        var changed = new List<Tile>();
        var added = leaves.ToList();
        for (var level = 0; added.Count > 0; level++)
        {
            var before = size >> (Tile.Height * level);
            var first = before / Tile.Width;
            var partial = edge.TryGetValue(level, out var hashes) ? hashes : [];
            if (partial.Length != before % Tile.Width)
            {
                throw new ArgumentException($"the partial tile of level {level} holds {partial.Length} entries; a tree of {size} leaves has {before % Tile.Width} there", nameof(edge));
            }

            var entries = new List<EventHash>(partial.Length + added.Count);
            entries.AddRange(partial);
            entries.AddRange(added);
            added = [];
            for (var offset = 0; offset < entries.Count; offset += Tile.Width)
            {
                var tile = new Tile(level, first + (offset / Tile.Width), [.. entries.Skip(offset).Take(Tile.Width)]);
                changed.Add(tile);
                if (tile.IsFull)
                {
                    added.Add(TreeHashing.Perfect(tile.Hashes));
                }
            }
        }

        return changed;
    }

    /// <summary>The tiles whose entries <see cref="Append"/> needs as its <c>edge</c> for a tree of <paramref name="size"/> leaves.</summary>
    public static IEnumerable<(int Level, long Index)> EdgeOf(long size)
    {
        for (var level = 0; size >> (Tile.Height * level) > 0; level++)
        {
            var count = size >> (Tile.Height * level);
            if (count % Tile.Width != 0)
            {
                yield return (level, count / Tile.Width);
            }
        }
    }
}
