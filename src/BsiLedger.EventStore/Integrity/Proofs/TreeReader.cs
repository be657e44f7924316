using System.Numerics;

namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>
/// Roots and proofs of the tree of the first <see cref="Size"/> leaves (RFC 9162 §2.1), from stored tiles. A perfect
/// subtree of height h is one entry of level h / 8 combined over 2^(h mod 8) entries, so any proof needs at most one
/// tile per level of it: a few dozen reads, whatever the tree's size. Holds the tiles it read.
/// </summary>
public sealed class TreeReader(ITileSource tiles, long size)
{
    private readonly Dictionary<(int Level, long Index), EventHash[]> _read = [];

    public long Size => size;

    public async ValueTask<EventHash> RootAsync(CancellationToken ct) =>
        size == 0 ? TreeHashing.EmptyTree : await RangeAsync(0, size, ct);

    /// <summary>The audit path of RFC 9162 §2.1.3.1 for the leaf at <paramref name="index"/>, nearest the leaf first.</summary>
    public async ValueTask<IReadOnlyList<EventHash>> InclusionAsync(long index, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var path = new List<EventHash>();
        await PathAsync(index, 0, size, path, ct);
        return path;
    }

    /// <summary>The consistency proof of RFC 9162 §2.1.4.1 that this tree extends the one of its first <paramref name="first"/> leaves.</summary>
    public async ValueTask<IReadOnlyList<EventHash>> ConsistencyAsync(long first, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, size);
        var proof = new List<EventHash>();
        if (first > 0 && first < size)
        {
            await SubproofAsync(first, 0, size, whole: true, proof, ct);
        }

        return proof;
    }

    private async ValueTask PathAsync(long index, long start, long count, List<EventHash> path, CancellationToken ct)
    {
        if (count == 1)
        {
            return;
        }

        var k = TreeHashing.Split(count);
        if (index < k)
        {
            await PathAsync(index, start, k, path, ct);
            path.Add(await RangeAsync(start + k, start + count, ct));
        }
        else
        {
            await PathAsync(index - k, start + k, count - k, path, ct);
            path.Add(await RangeAsync(start, start + k, ct));
        }
    }

    private async ValueTask SubproofAsync(long first, long start, long count, bool whole, List<EventHash> proof, CancellationToken ct)
    {
        if (first == count)
        {
            if (!whole)
            {
                proof.Add(await RangeAsync(start, start + count, ct));
            }

            return;
        }

        var k = TreeHashing.Split(count);
        if (first <= k)
        {
            await SubproofAsync(first, start, k, whole, proof, ct);
            proof.Add(await RangeAsync(start + k, start + count, ct));
        }
        else
        {
            await SubproofAsync(first - k, start + k, count - k, whole: false, proof, ct);
            proof.Add(await RangeAsync(start, start + k, ct));
        }
    }

    /// <summary>MTH(D[start:end]) for a range the RFC's recursion produces: <paramref name="start"/> is aligned to the split.</summary>
    private async ValueTask<EventHash> RangeAsync(long start, long end, CancellationToken ct)
    {
        var count = end - start;
        if (BitOperations.IsPow2(count) && start % count == 0)
        {
            return await PerfectAsync(start, BitOperations.Log2((ulong)count), ct);
        }

        var k = TreeHashing.Split(count);
        return TreeHashing.Node(await RangeAsync(start, start + k, ct), await RangeAsync(start + k, end, ct));
    }

    private async ValueTask<EventHash> PerfectAsync(long start, int height, CancellationToken ct)
    {
        var level = height / Tile.Height;
        var entries = 1 << (height % Tile.Height);
        var entry = start >> (Tile.Height * level);
        var tile = await TileAsync(level, entry / Tile.Width, ct);
        var offset = (int)(entry % Tile.Width);
        if (offset + entries > tile.Length)
        {
            throw new InvalidOperationException(
                $"tile {level}/{entry / Tile.Width} holds {tile.Length} entries, but the tree of {size} leaves needs {offset + entries}: the stored tree is behind its checkpoint");
        }

        return entries == 1 ? tile[offset] : TreeHashing.Perfect(tile.AsSpan(offset, entries));
    }

    private async ValueTask<EventHash[]> TileAsync(int level, long index, CancellationToken ct)
    {
        if (!_read.TryGetValue((level, index), out var tile))
        {
            tile = await tiles.ReadAsync(level, index, ct);
            _read[(level, index)] = tile;
        }

        return tile;
    }
}
