using System.Text.Json;
using System.Text.Json.Serialization;
using BsiLedger.Domain;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// A <see cref="Cause"/> in the ledger's JSON, <c>{"Kind":"Device","Id":"d-1"}</c>, exactly as the serializer's default
/// for the record writes it, but as a value of its own. Nearly every event holds a cause, its only nested object: the
/// default pushes a frame on the serializer's stack for it, and so allocates the stack, for every event written or read.
/// </summary>
internal sealed class CauseJsonConverter : JsonConverter<Cause>
{
    public override Cause Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"a cause is an object of {nameof(Cause.Kind)} and {nameof(Cause.Id)}, not a {reader.TokenType}");
        }

        var (kindName, idName) = (Name(nameof(Cause.Kind), options), Name(nameof(Cause.Id), options));
        CauseKind kind = default;
        string? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isKind = reader.ValueTextEquals(kindName);
            var isId = !isKind && reader.ValueTextEquals(idName);
            reader.Read();
            if (isKind)
            {
                kind = KindConverter(options).Read(ref reader, typeof(CauseKind), options);
            }
            else if (isId)
            {
                id = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return new Cause(kind, id!);
    }

    public override void Write(Utf8JsonWriter writer, Cause value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Name(nameof(Cause.Kind), options));
        KindConverter(options).Write(writer, value.Kind, options);
        writer.WriteString(Name(nameof(Cause.Id), options), value.Id);
        writer.WriteEndObject();
    }

    private static string Name(string property, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy?.ConvertName(property) ?? property;

    private static JsonConverter<CauseKind> KindConverter(JsonSerializerOptions options) =>
        (JsonConverter<CauseKind>)options.GetConverter(typeof(CauseKind));
}
