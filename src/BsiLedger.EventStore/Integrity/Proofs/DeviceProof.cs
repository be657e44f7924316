using System.Text.Json.Serialization;

namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>
/// That a device's events (all it had when the checkpoint was signed, or the one <see cref="Version"/>) are in the
/// signed tree: the document <c>bsi audit prove</c> writes and <c>bsi audit check</c> reads.
/// </summary>
public sealed record DeviceProof(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("checkpoint")] string Checkpoint,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("version")] long? Version,
    [property: JsonPropertyName("events")] IReadOnlyList<ProvenEvent> Events)
{
    public const string CurrentFormat = "bsiledger-inclusion/1";
}
