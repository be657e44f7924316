using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// What each wave's slice has reported so far, kept as reports arrive: what the ledger's install-report rows answer a
/// release counting its wave (each device once, by its latest report).
/// </summary>
public sealed class ReportedCounts(int waves)
{
    private readonly int[] _installed = new int[waves];
    private readonly int[] _applied = new int[waves];
    private readonly int[] _failed = new int[waves];

    public ReportedOutcomes Of(int wave) => new(_installed[wave], _applied[wave], _failed[wave]);

    public void Installed(int wave) => _installed[wave]++;

    public void Applied(int wave) => _applied[wave]++;

    public void Failed(int wave) => _failed[wave]++;
}
