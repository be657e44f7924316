namespace BsiLedger.Simulation.Reports;

/// <summary>
/// One of the report's tables as text, made once by <see cref="ReportTables"/> and drawn by <c>report.md</c> and
/// <c>report.html</c> alike, so that both show the same figures in the same words.
/// </summary>
public sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
