using System.Text.Json;
using System.Text.Json.Serialization;

namespace BsiLedger.Domain.Releases;

/// <summary>Stores a release id in events as its canonical string, "iOS 26.3.1 (a)".</summary>
public sealed class ReleaseIdJsonConverter : JsonConverter<ReleaseId>
{
    public override ReleaseId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReleaseId.TryParse(reader.GetString(), out var id, out var error) ? id : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, ReleaseId value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[MaxLength];
        writer.WriteStringValue(value.TryFormat(text, out var length) ? text[..length] : value.ToString());
    }

    // The longest platform name, a version of three 11-character numbers, and " (x)".
    private const int MaxLength = 64;
}
