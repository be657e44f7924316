using System.Collections.Immutable;

namespace BsiLedger.Simulation.Reports;

/// <summary>What the ledger's events say happened over domain time: every release's adoption and every recall's exposure.</summary>
public sealed record Timeline(ImmutableArray<AdoptionCurve> Adoption, ImmutableArray<RecallCurve> Recalls);
