namespace BsiLedger.Simulation.Reports;

/// <summary>The charts <c>report.html</c> carries inside it (<see cref="ChartSvg"/>); <see cref="Recall"/> only when the ledger holds a recall.</summary>
public sealed record InlineCharts(string Adoption, string? Recall)
{
    public const string AdoptionId = "adoption-chart";
    public const string RecallId = "recall-chart";
}
