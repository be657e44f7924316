using System.Text.Json;

namespace BsiLedger.Cli.Chaos;

/// <summary>A silo's answer: the status and the JSON body (undefined when there was none).</summary>
public sealed record ApiReply(int Status, JsonElement Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>A command that appended events: the command id its events carry, else null.</summary>
    public string? AcceptedCommandId =>
        IsSuccess && Text("status") == "accepted" ? Text("correlationId") : null;

    public string? Text(string property) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
