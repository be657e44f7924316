namespace BsiLedger.Grains.Commands;

/// <summary>
/// Which command appended each event of one stream: a 32-bit hash of the event's command id per version, 4 bytes an
/// event, so a million device grains of tens of events each remember their commands in tens of MiB. Hashes collide,
/// so a match only says where to look: the grain reads those events back and compares the full ids.
/// </summary>
internal sealed class CommandLog
{
    private uint[] _hashes = [];
    private int _count;

    /// <summary>The next event of the stream (version <c>count + 1</c>) was appended by <paramref name="commandId"/>.</summary>
    public void Record(string commandId)
    {
        if (_count == _hashes.Length)
        {
            Array.Resize(ref _hashes, Math.Max(4, _count * 2));
        }

        _hashes[_count++] = Hash(commandId);
    }

    /// <summary>The first and last version whose command id hashes as <paramref name="commandId"/>'s does; false when none does.</summary>
    public bool TryFind(string commandId, out int first, out int last)
    {
        var hash = Hash(commandId);
        first = Array.IndexOf(_hashes, hash, 0, _count) + 1;
        last = first == 0 ? 0 : Array.LastIndexOf(_hashes, hash, _count - 1, _count) + 1;
        return first > 0;
    }

    // Only this process compares the hashes, so the runtime's per-process seeded string hash serves.
    private static uint Hash(string commandId) => (uint)commandId.GetHashCode(StringComparison.Ordinal);
}
