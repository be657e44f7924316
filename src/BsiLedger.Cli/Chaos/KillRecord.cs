namespace BsiLedger.Cli.Chaos;

/// <summary>A kill as <c>chaos.json</c> lists it: when, which silo, how long until it answered again and until the rollout next moved.</summary>
public sealed record KillRecord(int Number, int Silo, int ProcessId, DateTimeOffset At, double? BackAfterSeconds, double? NextRolloutEventSeconds);
