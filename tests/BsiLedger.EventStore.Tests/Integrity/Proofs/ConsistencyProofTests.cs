using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Integrity.Proofs;

namespace BsiLedger.EventStore.Tests.Integrity.Proofs;

public sealed class ConsistencyProofTests
{
    [Fact]
    public async Task For_every_pair_of_sizes_up_to_300_the_proof_verifies_and_every_corrupted_variant_fails()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tiles, _) = MemoryTiles.Grown(301);
        var roots = new EventHash[302];
        for (var size = 0; size <= 301; size++)
        {
            roots[size] = await new TreeReader(tiles, size).RootAsync(ct);
        }

        for (var second = 1; second <= 300; second++)
        {
            var reader = new TreeReader(tiles, second);
            for (var first = 1; first <= second; first++)
            {
                var proof = await reader.ConsistencyAsync(first, ct);
                Assert.True(ConsistencyPath.Verify(first, second, roots[first], roots[second], proof), $"{first} → {second}");
                if (first == second)
                {
                    Assert.False(ConsistencyPath.Verify(first, second, roots[first], roots[second], [EventHash.Of([1])]), $"{first} → {second} with a stray element");
                    continue;
                }

                foreach (var (what, corrupted) in Corruptions.Of(proof))
                {
                    Assert.False(ConsistencyPath.Verify(first, second, roots[first], roots[second], corrupted), $"{what}: {first} → {second}");
                }

                Assert.False(ConsistencyPath.Verify(first, second * 2, roots[first], roots[second], proof), $"second size doubled: {first} → {second}");
                Assert.False(second / 2 >= first && ConsistencyPath.Verify(first, second / 2, roots[first], roots[second], proof), $"second size halved: {first} → {second}");
                Assert.False(ConsistencyPath.Verify(first + 1, second, roots[first], roots[second], proof), $"first size + 1: {first} → {second}");
                Assert.False(ConsistencyPath.Verify(first, second, roots[first], roots[second + 1], proof), $"second root of {second + 1}: {first} → {second}");
                Assert.False(ConsistencyPath.Verify(first, second, roots[first - 1], roots[second], proof), $"first root of {first - 1}: {first} → {second}");
                Assert.False(ConsistencyPath.Verify(first, second, roots[first + 1], roots[second], proof), $"first root of {first + 1}: {first} → {second}");
                Assert.False(ConsistencyPath.Verify(first, second, roots[second], roots[first], proof), $"roots swapped: {first} → {second}");
            }
        }
    }
}
