namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>Checks an RFC 9162 §2.1.3.2 inclusion proof: the leaf, its index and the path lead to the root of a tree of that size.</summary>
public static class InclusionPath
{
    public static bool Verify(long index, long treeSize, EventHash leafHash, IReadOnlyList<EventHash> path, EventHash root)
    {
        if (index < 0 || index >= treeSize)
        {
            return false;
        }

        var fn = index;
        var sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = TreeHashing.Node(p, r);
                // The leaf sits at the tree's right edge here: climb past the levels where it has no sibling.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = TreeHashing.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r == root;
    }
}
