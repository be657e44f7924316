namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// The Merkle tree hash of RFC 6962 §2.1 (Certificate Transparency) over event hashes, built as they stream past
/// in sequence order: only the roots of the perfect subtrees so far are kept, one per set bit of the count.
/// Leaf = SHA-256(0x00 ‖ event hash), node = SHA-256(0x01 ‖ left ‖ right), empty tree = SHA-256 of nothing.
/// </summary>
public sealed class MerkleTree
{
    private readonly List<(long Size, EventHash Hash)> _peaks = [];

    public long Count { get; private set; }

    public EventHash Root
    {
        get
        {
            if (_peaks.Count == 0)
            {
                return TreeHashing.EmptyTree;
            }

            var root = _peaks[^1].Hash;
            for (var i = _peaks.Count - 2; i >= 0; i--)
            {
                root = TreeHashing.Node(_peaks[i].Hash, root);
            }

            return root;
        }
    }

    public void Add(EventHash eventHash)
    {
        var hash = TreeHashing.Leaf(eventHash);
        var size = 1L;
        while (_peaks.Count > 0 && _peaks[^1].Size == size)
        {
            hash = TreeHashing.Node(_peaks[^1].Hash, hash);
            size *= 2;
            _peaks.RemoveAt(_peaks.Count - 1);
        }

        _peaks.Add((size, hash));
        Count++;
    }
}
