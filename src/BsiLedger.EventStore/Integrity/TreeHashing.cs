using System.Numerics;

namespace BsiLedger.EventStore.Integrity;

/// <summary>The hashes of RFC 6962 §2.1: leaf = SHA-256(0x00 ‖ event hash), node = SHA-256(0x01 ‖ left ‖ right).</summary>
public static class TreeHashing
{
    public static EventHash EmptyTree => EventHash.Of([]);

    public static EventHash Leaf(EventHash eventHash)
    {
        Span<byte> leaf = stackalloc byte[1 + EventHash.Size];
        leaf[0] = 0x00;
        eventHash.CopyTo(leaf[1..]);
        return EventHash.Of(leaf);
    }

    public static EventHash Node(EventHash left, EventHash right)
    {
        Span<byte> node = stackalloc byte[1 + (2 * EventHash.Size)];
        node[0] = 0x01;
        left.CopyTo(node[1..]);
        right.CopyTo(node[(1 + EventHash.Size)..]);
        return EventHash.Of(node);
    }

    /// <summary>The root of a perfect subtree whose nodes one level up from its leaves are <paramref name="hashes"/> (a power of two of them).</summary>
    public static EventHash Perfect(ReadOnlySpan<EventHash> hashes)
    {
        if (hashes.Length == 0 || !BitOperations.IsPow2(hashes.Length))
        {
            throw new ArgumentException($"a perfect subtree has a power of two of nodes, not {hashes.Length}", nameof(hashes));
        }

        var level = hashes.ToArray();
        for (var width = level.Length; width > 1; width /= 2)
        {
            for (var i = 0; i < width / 2; i++)
            {
                level[i] = Node(level[2 * i], level[(2 * i) + 1]);
            }
        }

        return level[0];
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2): where RFC 6962 splits a tree of n leaves.</summary>
    public static long Split(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
}
