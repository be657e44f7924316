namespace BsiLedger.Cli.Watching;

/// <summary>The current wave's failure rate against the threshold that halts it, over the attempts counted so far.</summary>
public sealed record WaveGauge(int Wave, double FailureRate, double Threshold, double Attempts);
