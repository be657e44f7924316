namespace BsiLedger.Cli.Chaos;

/// <summary>What the driver counted while the run went on, beside what the database says afterwards.</summary>
public sealed record ChaosCounts(bool RecallCompletedInDrain, long Acknowledged, long Requests, long Retries, long CheckIns, long Reports, double WallSeconds);
