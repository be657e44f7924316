using System.Security.Cryptography;
using BsiLedger.EventStore.Integrity;

namespace BsiLedger.EventStore.Tests.Integrity;

public sealed class MerkleTreeTests
{
    [Fact]
    public void The_empty_tree_is_the_hash_of_nothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", new MerkleTree().Root.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    public void Streaming_gives_the_RFC_6962_root_for_any_count(int count)
    {
        var leaves = Enumerable.Range(0, count).Select(i => EventHash.Of([(byte)i])).ToArray();
        var tree = new MerkleTree();
        foreach (var leaf in leaves)
        {
            tree.Add(leaf);
        }

        Assert.Equal(count, tree.Count);
        Assert.Equal(Rfc6962(leaves), tree.Root);
    }

    [Fact]
    public void Any_change_of_content_or_order_changes_the_root()
    {
        var leaves = Enumerable.Range(0, 6).Select(i => EventHash.Of([(byte)i])).ToArray();
        EventHash[] swapped = [leaves[0], leaves[2], leaves[1], .. leaves[3..]];
        EventHash[] dropped = [.. leaves[..5]];

        Assert.NotEqual(Root(leaves), Root(swapped));
        Assert.NotEqual(Root(leaves), Root(dropped));
    }

    private static EventHash Root(IEnumerable<EventHash> leaves)
    {
        var tree = new MerkleTree();
        foreach (var leaf in leaves)
        {
            tree.Add(leaf);
        }

        return tree.Root;
    }

    /// <summary>RFC 6962 §2.1 as written: split at the largest power of two below n, recursively.</summary>
    private static EventHash Rfc6962(ReadOnlySpan<EventHash> leaves)
    {
        if (leaves.Length == 1)
        {
            return Hash([0x00, .. Bytes(leaves[0])]);
        }

        var k = 1;
        while (k * 2 < leaves.Length)
        {
            k *= 2;
        }

        return Hash([0x01, .. Bytes(Rfc6962(leaves[..k])), .. Bytes(Rfc6962(leaves[k..]))]);
    }

    private static byte[] Bytes(EventHash hash)
    {
        var bytes = new byte[EventHash.Size];
        hash.CopyTo(bytes);
        return bytes;
    }

    private static EventHash Hash(byte[] data) => EventHash.FromBytes(SHA256.HashData(data));
}
