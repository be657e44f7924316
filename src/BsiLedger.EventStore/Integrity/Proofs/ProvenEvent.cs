using System.Text.Json;
using System.Text.Json.Serialization;

namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>
/// One event in a <see cref="DeviceProof"/>: its row as stored (enough to recompute its chain hash), the hash before
/// it in its stream, its stored hash, its leaf index and the inclusion path from its leaf to the checkpoint's root.
/// </summary>
public sealed record ProvenEvent(
    [property: JsonPropertyName("leafIndex")] long LeafIndex,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("stream")] string Stream,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("data")] JsonElement Data,
    [property: JsonPropertyName("correlationId")] string CorrelationId,
    [property: JsonPropertyName("causationId")] string CausationId,
    [property: JsonPropertyName("storedAt")] DateTimeOffset StoredAt,
    [property: JsonPropertyName("previous")] string Previous,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("inclusionPath")] IReadOnlyList<string> InclusionPath);
