namespace BsiLedger.Simulation.Reports;

/// <summary>The files <c>bsi simulate</c> writes into its output directory.</summary>
public static class ReportFiles
{
    public const string Json = "report.json";
    public const string Markdown = "report.md";
    public const string Html = "report.html";
    public const string AdoptionChart = "adoption.png";
    public const string RecallChart = "recall.png";
}
