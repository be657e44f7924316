namespace BsiLedger.Cli.Chaos;

/// <summary>A silo that exited or never answered <c>/health</c>: the run cannot go on, and its log says why.</summary>
public sealed class SiloStartException(string message) : Exception(message);
