using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>Another plan for a release of a simulation, replayed beside the run once it is over.</summary>
public sealed record WhatIfAlternative(ReleaseId Release, string Name, RolloutPlan Plan);
