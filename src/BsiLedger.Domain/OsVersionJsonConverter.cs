using System.Text.Json;
using System.Text.Json.Serialization;

namespace BsiLedger.Domain;

/// <summary>Stores an OS version in events as its familiar string, "26.3.1".</summary>
public sealed class OsVersionJsonConverter : JsonConverter<OsVersion>
{
    public override OsVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        OsVersion.TryParse(reader.GetString(), out var version, out var error) ? version : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, OsVersion value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
