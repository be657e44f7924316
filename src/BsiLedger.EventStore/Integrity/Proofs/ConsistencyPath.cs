using System.Numerics;

namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>Checks an RFC 9162 §2.1.4.2 consistency proof: the tree of <c>second</c> leaves extends the tree of <c>first</c>.</summary>
public static class ConsistencyPath
{
    public static bool Verify(long first, long second, EventHash firstRoot, EventHash secondRoot, IReadOnlyList<EventHash> proof)
    {
        if (first < 0 || second < first)
        {
            return false;
        }

        if (first == second)
        {
            return proof.Count == 0 && firstRoot == secondRoot;
        }

        // Every tree extends the empty one; there is nothing to prove.
        if (first == 0)
        {
            return proof.Count == 0;
        }

        if (proof.Count == 0)
        {
            return false;
        }

        List<EventHash> path = BitOperations.IsPow2(first) ? [firstRoot, .. proof] : [.. proof];
        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = TreeHashing.Node(c, fr);
                sr = TreeHashing.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = TreeHashing.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return fr == firstRoot && sr == secondRoot && sn == 0;
    }
}
