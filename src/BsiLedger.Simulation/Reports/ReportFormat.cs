using System.Globalization;

namespace BsiLedger.Simulation.Reports;

/// <summary>How the report writes times and rates: domain times as hours since the rollout began (T+0h), the form plans are written in.</summary>
public static class ReportFormat
{
    public static string Since(SimulationReport report, DateTimeOffset at) => "T+" + Hours(at - report.DomainStart);

    public static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + "h";

    public static string Rate(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
