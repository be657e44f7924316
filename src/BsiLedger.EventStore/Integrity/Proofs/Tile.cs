namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>
/// Up to <see cref="Width"/> consecutive node hashes of one level of the tree. Level 0 holds leaf hashes; an entry
/// of level L is the root of the perfect subtree of 256^L leaves it stands for, so the entries of a full tile of
/// level L hash up (8 levels of nodes) to one entry of level L + 1. Entry <c>i</c> of tile <see cref="Index"/> is
/// the level's node <c>Index * 256 + i</c>. A tile at the tree's right edge is partial and grows as leaves arrive;
/// an entry never changes once written.
/// </summary>
public sealed record Tile(int Level, long Index, EventHash[] Hashes)
{
    public const int Height = 8;

    public const int Width = 1 << Height;

    public bool IsFull => Hashes.Length == Width;
}
