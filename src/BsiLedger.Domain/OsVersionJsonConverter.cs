using System.Text.Json;
using System.Text.Json.Serialization;

namespace BsiLedger.Domain;

/// <summary>Stores an OS version in events as its familiar string, "26.3.1".</summary>
public sealed class OsVersionJsonConverter : JsonConverter<OsVersion>
{
    public override OsVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        OsVersion.TryParse(reader.GetString(), out var version, out var error) ? version : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, OsVersion value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[MaxLength];
        writer.WriteStringValue(value.TryFormat(text, out var length) ? text[..length] : value.ToString());
    }

    // Three numbers of at most 11 characters each and two dots.
    private const int MaxLength = 35;
}
