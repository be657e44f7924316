using BsiLedger.EventStore.Integrity;

namespace BsiLedger.EventStore.Tests.Integrity.Proofs;

/// <summary>The ways a proof's path can be damaged: a flipped bit in any element, one short, one long, two neighbours swapped.</summary>
public static class Corruptions
{
    public static IEnumerable<(string What, EventHash[] Path)> Of(IReadOnlyList<EventHash> path)
    {
        for (var i = 0; i < path.Count; i++)
        {
            var flipped = path.ToArray();
            flipped[i] = flipped[i] with { W3 = flipped[i].W3 ^ 1 };
            yield return ($"bit flipped in element {i}", flipped);
        }

        if (path.Count > 0)
        {
            yield return ("one element short", [.. path.Take(path.Count - 1)]);
        }

        yield return ("one element long", [.. path, EventHash.Of([0x42])]);
        for (var i = 0; i + 1 < path.Count; i++)
        {
            if (path[i] != path[i + 1])
            {
                var swapped = path.ToArray();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                yield return ($"elements {i} and {i + 1} swapped", swapped);
            }
        }
    }
}
