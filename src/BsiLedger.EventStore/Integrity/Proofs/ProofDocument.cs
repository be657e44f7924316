using System.Text.Json;

namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>Reads and writes the proof documents: JSON, told apart by their <c>format</c>.</summary>
public static class ProofDocument
{
    public const string ExpectedForm =
        $"a JSON proof as `bsi audit prove` (format \"{DeviceProof.CurrentFormat}\") or `bsi audit prove-consistency` (format \"{ConsistencyProof.CurrentFormat}\") writes it";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string ToJson(object proof) => JsonSerializer.Serialize(proof, proof.GetType(), Json);

    /// <returns>A <see cref="DeviceProof"/> or a <see cref="ConsistencyProof"/>.</returns>
    /// <exception cref="FormatException">Neither; the message says what is wrong.</exception>
    public static object Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var format = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String
                ? f.GetString()
                : null;
            return format switch
            {
                DeviceProof.CurrentFormat => Checked(document.RootElement.Deserialize<DeviceProof>(Json)!),
                ConsistencyProof.CurrentFormat => Checked(document.RootElement.Deserialize<ConsistencyProof>(Json)!),
                _ => throw new FormatException($"not a proof (format is '{format}'); expected {ExpectedForm}"),
            };
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a proof ({e.Message}); expected {ExpectedForm}", e);
        }
    }

    private static DeviceProof Checked(DeviceProof proof)
    {
        if (proof.Events.Count == 0)
        {
            throw new FormatException($"not a proof (it proves no event); expected {ExpectedForm}");
        }

        foreach (var e in proof.Events)
        {
            Hashes([e.Previous, e.Hash, .. e.InclusionPath]);
        }

        return proof;
    }

    private static ConsistencyProof Checked(ConsistencyProof proof)
    {
        Hashes(proof.Path);
        return proof;
    }

    public static EventHash[] Hashes(IEnumerable<string> hex) =>
        [.. hex.Select(h => EventHash.TryParse(h, out var hash) ? hash : throw new FormatException($"not a proof ('{h}' is not 64 hex digits); expected {ExpectedForm}"))];
}
