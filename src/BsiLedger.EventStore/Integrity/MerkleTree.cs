using System.Security.Cryptography;

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
                return EventHash.Of([]);
            }

            var root = _peaks[^1].Hash;
            for (var i = _peaks.Count - 2; i >= 0; i--)
            {
                root = Node(_peaks[i].Hash, root);
            }

            return root;
        }
    }

    public void Add(EventHash eventHash)
    {
        Span<byte> leaf = stackalloc byte[1 + EventHash.Size];
        leaf[0] = 0x00;
        eventHash.CopyTo(leaf[1..]);
        var hash = EventHash.Of(leaf);
        var size = 1L;
        while (_peaks.Count > 0 && _peaks[^1].Size == size)
        {
            hash = Node(_peaks[^1].Hash, hash);
            size *= 2;
            _peaks.RemoveAt(_peaks.Count - 1);
        }

        _peaks.Add((size, hash));
        Count++;
    }

    private static EventHash Node(EventHash left, EventHash right)
    {
        Span<byte> node = stackalloc byte[1 + (2 * EventHash.Size)];
        node[0] = 0x01;
        left.CopyTo(node[1..]);
        right.CopyTo(node[(1 + EventHash.Size)..]);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(node, digest);
        return EventHash.FromBytes(digest);
    }
}
