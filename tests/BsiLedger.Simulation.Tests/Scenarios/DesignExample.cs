using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Tests.Scenarios;

/// <summary>The scenario file of DESIGN.md, and copies of it with one field changed.</summary>
public static partial class DesignExample
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "design-example.json"));

    public static Scenario Scenario => ScenarioFile.Parse(Text);

    /// <summary>The example with the value at <paramref name="path"/> (e.g. <c>fleet.mix[0].share</c>) set to the JSON <paramref name="value"/>, or removed when it is null.</summary>
    public static string With(string path, string? value) => Edited(root =>
    {
        var segments = Segment().Matches(path).Select(m => m.Value).ToList();
        JsonNode parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = segment.StartsWith('[') ? parent[Index(segment)]! : parent[segment]!;
        }

        var last = segments[^1];
        if (last.StartsWith('['))
        {
            parent.AsArray()[Index(last)] = value is null ? null : JsonNode.Parse(value);
        }
        else if (value is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = JsonNode.Parse(value);
        }
    });

    public static string Edited(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Text)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    public static string Refusal(string json) => Assert.Throws<ScenarioException>(() => ScenarioFile.Parse(json)).Message;

    private static int Index(string segment) => int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\[\d+\]|[^.\[\]]+")]
    private static partial Regex Segment();
}
