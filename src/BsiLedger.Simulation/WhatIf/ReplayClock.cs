namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// The domain time a replay runs on, as the run it replays did: steps of <see cref="Step"/> from <see cref="Start"/>
/// (the rollout starts there), offline devices checking in every <see cref="CheckInEvery"/>, the recall issued at
/// <see cref="RecallAt"/>. The other releases of the run had all settled by <see cref="OthersSettledAt"/>: from the
/// step after that and the replayed release's own settling, devices stop checking in, as the run did.
/// </summary>
public sealed record ReplayClock(
    DateTimeOffset Start,
    TimeSpan Step,
    TimeSpan CheckInEvery,
    DateTimeOffset? RecallAt,
    DateTimeOffset? OthersSettledAt,
    DateTimeOffset Horizon);
