using System.Collections.Immutable;
using BsiLedger.Grains.Releases.Reports;
using BsiLedger.Simulation.WhatIf;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// What <c>report.json</c> holds: the run's size and speed, and every release's rollout as the ledger recorded it.
/// <paramref name="Silos"/> is how many silos the run's cluster had (<c>bsi simulate --silos</c>); <paramref name="WhatIf"/>
/// the alternative plans <c>bsi simulate --whatif</c> replayed beside the run (null without one).
/// </summary>
public sealed record SimulationReport(
    int Seed,
    int Devices,
    int OfflineDevices,
    long EventsAppended,
    double WallSeconds,
    double EventsPerSecond,
    long PeakWorkingSetBytes,
    DateTimeOffset DomainStart,
    DateTimeOffset DomainEnd,
    ImmutableArray<ReleaseReport> Releases,
    RecallTiming? RecallTiming,
    int Silos = 1,
    IReadOnlyList<AlternativeOutcome>? WhatIf = null);

/// <summary>
/// Wall time from the stored <c>RecallIssued</c> to the last online exposed device's stored withdrawal (the ledger's
/// own timestamps, see <c>RecallPropagation</c>), and how many exposed devices waited offline for their check-in.
/// </summary>
public sealed record RecallTiming(string Release, double OnlineWithdrawnSeconds, int PendingOffline);
