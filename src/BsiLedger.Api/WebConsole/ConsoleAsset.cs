namespace BsiLedger.Api.WebConsole;

/// <summary>One of the console's files, embedded in the binary, with the media type it is served as.</summary>
internal sealed record ConsoleAsset(string Name, string ContentType, byte[] Content)
{
    private static readonly Dictionary<string, ConsoleAsset> All = new[]
    {
        Load("console.html", "text/html; charset=utf-8"),
        Load("console.css", "text/css; charset=utf-8"),
        Load("console.js", "text/javascript; charset=utf-8"),
    }.ToDictionary(asset => asset.Name, StringComparer.Ordinal);

    public static ConsoleAsset Shell => All["console.html"];

    /// <summary>A stylesheet or script the pages link; null for any other name (the shell is served by its routes).</summary>
    public static ConsoleAsset? Linked(string name) => name is "console.css" or "console.js" ? All[name] : null;

    private static ConsoleAsset Load(string name, string contentType)
    {
        var resource = $"{typeof(ConsoleAsset).Namespace}.{name}";
        using var stream = typeof(ConsoleAsset).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the console's {name} is not embedded as {resource}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new ConsoleAsset(name, contentType, copy.ToArray());
    }
}
