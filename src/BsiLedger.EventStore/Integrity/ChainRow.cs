using System.Text.Json;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// One stored event as verification reads it, with the stored hash of the event before it in its stream
/// (<see cref="Previous"/> is null when that event is missing, so this one's link cannot be checked).
/// </summary>
internal sealed record ChainRow(string StreamId, long Version, string Type, string Data, Provenance Provenance, string? StoredHash, EventHash? Previous)
{
    /// <summary>What is wrong with this event's hash, or null when it holds.</summary>
    public string? Problem()
    {
        if (!EventHash.TryParse(StoredHash, out var stored))
        {
            return StoredHash is null ? "carries no hash" : "carries a malformed hash";
        }

        if (Previous is not { } previous)
        {
            return null;
        }

        using var payload = JsonDocument.Parse(Data);
        return ChainLink.Hash(previous, StreamId, Version, Type, payload.RootElement, Provenance) == stored
            ? null
            : "does not match its hash: its content, provenance, place or link to the version before was altered";
    }
}
