using BsiLedger.Domain.Releases;

namespace BsiLedger.EventStore.Index;

/// <summary>The devices whose cohort position in <paramref name="Release"/>'s rollout is in [<paramref name="From"/>, <paramref name="To"/>): a wave's slice.</summary>
public sealed record ReportRange(ReleaseId Release, double From, double To);
