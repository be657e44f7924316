using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>A release that cannot be replayed, and why.</summary>
public sealed class WhatIfException(WhatIfRefusal refusal, ReleaseId release) : Exception(refusal switch
{
    WhatIfRefusal.UnknownRelease => $"the ledger knows no release '{release}': name a release it holds (bsi release list)",
    _ => $"'{release}' was never rolled out (no wave started): a what-if replays a rollout that happened",
})
{
    public WhatIfRefusal Refusal { get; } = refusal;
}
