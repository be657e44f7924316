using System.Text.Json.Serialization;

namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>That the tree of checkpoint <see cref="To"/> extends the tree of checkpoint <see cref="From"/> (RFC 9162 §2.1.4).</summary>
public sealed record ConsistencyProof(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("path")] IReadOnlyList<string> Path)
{
    public const string CurrentFormat = "bsiledger-consistency/1";
}
