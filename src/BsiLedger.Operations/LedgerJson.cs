using System.Text.Json;
using System.Text.Json.Serialization;

namespace BsiLedger.Operations;

/// <summary>How every JSON document the CLI prints and the API answers is written: camelCase names, enums as camelCase strings, indented.</summary>
public static class LedgerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
