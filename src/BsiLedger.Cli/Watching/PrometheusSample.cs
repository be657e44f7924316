namespace BsiLedger.Cli.Watching;

/// <summary>One line of the Prometheus text format: a metric's name, its labels and its value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
