using System.Text.Json;
using System.Text.Json.Serialization;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// What an auditor keeps outside the system: the RFC 6962 root over every event hash up to
/// <see cref="LastSequence"/> in sequence order, with how many events that was and when it was taken.
/// </summary>
public sealed record LedgerDigest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("lastSequence")] long LastSequence,
    [property: JsonPropertyName("events")] long Events,
    [property: JsonPropertyName("root")] string Root,
    [property: JsonPropertyName("takenAt")] DateTimeOffset TakenAt)
{
    public const string CurrentFormat = "bsiledger-digest/1 (sha-256 chains, rfc6962 tree in sequence order)";

    public const string ExpectedForm =
        $$"""a JSON object {"format": "{{CurrentFormat}}", "lastSequence": N, "events": N, "root": "<64 hex digits>", "takenAt": "<ISO-8601>"} as `bsi audit digest` writes it""";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="FormatException">The text is not a digest this version can check; the message says the form.</exception>
    public static LedgerDigest Parse(string text)
    {
        LedgerDigest? digest;
        try
        {
            digest = JsonSerializer.Deserialize<LedgerDigest>(text, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a digest ({e.Message}); expected {ExpectedForm}", e);
        }

        if (digest is null || digest.Format != CurrentFormat)
        {
            throw new FormatException($"not a digest (format is '{digest?.Format}'); expected {ExpectedForm}");
        }

        if (digest.LastSequence < 0 || digest.Events < 0 || digest.Events > digest.LastSequence || !EventHash.TryParse(digest.Root, out _))
        {
            throw new FormatException($"not a digest (its figures or root are malformed); expected {ExpectedForm}");
        }

        return digest;
    }
}
