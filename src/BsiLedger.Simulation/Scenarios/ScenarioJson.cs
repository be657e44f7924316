using System.Text.Json;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>
/// One value of a scenario file at its JSON path (<c>releases[0].plan.waves[1].share</c>). Every read that
/// finds the wrong shape throws a <see cref="ScenarioException"/> naming the path, so a person can find the field.
/// </summary>
internal readonly record struct ScenarioJson(JsonElement Value, string Path)
{
    private string Name => Path.Length == 0 ? "the scenario" : Path;

    /// <summary>This value as an object of the given fields; any other field, or one given twice, is an error.</summary>
    public ScenarioJson Object(params string[] fields)
    {
        if (Value.ValueKind != JsonValueKind.Object)
        {
            throw Expected("an object");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in Value.EnumerateObject())
        {
            // Names are case-sensitive: "Seed" is as much a typo as "sed", and a typo must not pass silently.
            if (!fields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new ScenarioException($"{ChildPath(property.Name)}: unknown field ({Name} takes {string.Join(", ", fields)})");
            }

            if (!seen.Add(property.Name))
            {
                throw new ScenarioException($"{ChildPath(property.Name)}: the field is given twice");
            }
        }

        return this;
    }

    public ScenarioJson Field(string name) =>
        Value.TryGetProperty(name, out var value)
            ? new ScenarioJson(value, ChildPath(name))
            : throw new ScenarioException($"{ChildPath(name)}: required field is missing");

    /// <summary>The field, or null when it is absent or JSON null.</summary>
    public ScenarioJson? Optional(string name) =>
        Value.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new ScenarioJson(value, ChildPath(name))
            : null;

    public IEnumerable<ScenarioJson> Items()
    {
        if (Value.ValueKind != JsonValueKind.Array)
        {
            throw Expected("an array");
        }

        var path = Path;
        return Value.EnumerateArray().Select((item, i) => new ScenarioJson(item, $"{path}[{i}]")).ToList();
    }

    public double Number() =>
        Value.ValueKind == JsonValueKind.Number && Value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Expected("a number");

    public int WholeNumber()
    {
        var number = Value.ValueKind == JsonValueKind.Number ? Number() : throw Expected("a whole number");
        if (number != Math.Floor(number))
        {
            throw Expected("a whole number");
        }

        return number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw Invalid($"{Value.GetRawText()} is out of range for a whole number ({int.MinValue} to {int.MaxValue})");
    }

    public string Text() => Value.ValueKind == JsonValueKind.String ? Value.GetString()! : throw Expected("a text (a JSON string)");

    public ScenarioException Invalid(string problem) => new($"{Name}: {problem}");

    private ScenarioException Expected(string what) => Invalid($"expected {what}, found {Found()}");

    private string ChildPath(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private string Found()
    {
        var raw = Value.GetRawText();
        var shown = raw.Length <= 40 ? raw : raw[..37] + "...";
        return Value.ValueKind switch
        {
            JsonValueKind.String => $"the text {shown}",
            JsonValueKind.Number => $"the number {shown}",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => shown,
        };
    }
}
