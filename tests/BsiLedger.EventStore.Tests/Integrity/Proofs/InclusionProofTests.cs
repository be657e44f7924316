using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Integrity.Proofs;

namespace BsiLedger.EventStore.Tests.Integrity.Proofs;

public sealed class InclusionProofTests
{
    [Fact]
    public async Task For_every_tree_of_1_to_300_leaves_every_leafs_proof_verifies_and_every_corrupted_variant_fails()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tiles, events) = MemoryTiles.Grown(301);
        var roots = new EventHash[302];
        for (var size = 1; size <= 301; size++)
        {
            roots[size] = await new TreeReader(tiles, size).RootAsync(ct);
        }

        for (var size = 1; size <= 300; size++)
        {
            var reader = new TreeReader(tiles, size);
            Assert.Equal(Reference(events.AsSpan(0, size)), roots[size]);
            for (var index = 0; index < size; index++)
            {
                var leaf = TreeHashing.Leaf(events[index]);
                var path = await reader.InclusionAsync(index, ct);
                Assert.True(InclusionPath.Verify(index, size, leaf, path, roots[size]), $"leaf {index} of {size}");

                foreach (var (what, corrupted) in Corruptions.Of(path))
                {
                    Assert.False(InclusionPath.Verify(index, size, leaf, corrupted, roots[size]), $"{what}: leaf {index} of {size}");
                }

                Assert.False(InclusionPath.Verify(index + 1, size, leaf, path, roots[size]), $"next index: leaf {index} of {size}");
                Assert.False(index > 0 && InclusionPath.Verify(index - 1, size, leaf, path, roots[size]), $"previous index: leaf {index} of {size}");
                Assert.False(InclusionPath.Verify(index, size * 2, leaf, path, roots[size]), $"size doubled: leaf {index} of {size}");
                Assert.False(InclusionPath.Verify(index, size / 2, leaf, path, roots[size]), $"size halved: leaf {index} of {size}");
                Assert.False(InclusionPath.Verify(index, size, leaf, path, roots[size + 1]), $"root of {size + 1}: leaf {index} of {size}");
                Assert.False(size > 1 && InclusionPath.Verify(index, size, leaf, path, roots[size - 1]), $"root of {size - 1}: leaf {index} of {size}");
                Assert.False(InclusionPath.Verify(index, size, TreeHashing.Leaf(events[size]), path, roots[size]), $"another leaf: leaf {index} of {size}");
            }
        }
    }

    [Fact]
    public async Task A_tree_grown_in_batches_across_tile_boundaries_has_the_root_of_one_built_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tiles, events) = MemoryTiles.Grown(70_000);
        var whole = new MerkleTree();
        foreach (var e in events)
        {
            whole.Add(e);
        }

        Assert.Equal(whole.Root, await new TreeReader(tiles, tiles.Size).RootAsync(ct));
        var path = await new TreeReader(tiles, tiles.Size).InclusionAsync(65_537, ct);
        Assert.True(InclusionPath.Verify(65_537, tiles.Size, TreeHashing.Leaf(events[65_537]), path, whole.Root));
    }

    /// <summary>RFC 6962 §2.1's definition, written out recursively.</summary>
    private static EventHash Reference(ReadOnlySpan<EventHash> events)
    {
        if (events.Length == 1)
        {
            return TreeHashing.Leaf(events[0]);
        }

        var k = (int)TreeHashing.Split(events.Length);
        return TreeHashing.Node(Reference(events[..k]), Reference(events[k..]));
    }
}
