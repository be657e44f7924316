namespace BsiLedger.Simulation.Reports;

/// <summary>A column of a <see cref="ReportTable"/>; a numeric one is aligned right.</summary>
public readonly record struct ReportColumn(string Header, bool Numeric = false);
