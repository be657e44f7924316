using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Releases.Reports;
using static System.FormattableString;
using static BsiLedger.Simulation.Reports.ReportFormat;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// The report's sentences after their bold label (<c>Halted</c>, <c>Blast radius</c>, <c>Recalled</c>) and the charts'
/// captions, in the words <c>report.md</c> and <c>report.html</c> share.
/// </summary>
public static class ReportSentences
{
    public const string AdoptionCaption = "Devices running each release over domain time";
    public const string RecallCaption = "Exposed devices still running the release after its recall";

    /// <summary>Follows <c>a wave's failure rate</c>.</summary>
    public static string MinimumSample(RolloutPlan plan) => Invariant($"counts from {plan.MinSample:N0} install attempts (minimum sample).");

    /// <summary>Follows <c>Halted</c>.</summary>
    public static string Halt(SimulationReport report, HaltReport halt) =>
        Invariant($"at {Since(report, halt.At)} in wave {halt.Wave + 1}: {halt.Failures:N0} of {halt.Attempts:N0} install attempts failed ({Rate(halt.FailureRate)}), ")
        + Invariant($"above the threshold of {RolloutPlan.Percent(halt.Threshold)}.")
        + (halt is { Offered: { } offered, NotOffered: > 0 and var never } ? Invariant($" {offered:N0} devices of the wave had been offered it; {never:N0} never were.") : "");

    /// <summary>Follows <c>Blast radius:</c>.</summary>
    public static string BlastRadius(BlastRadius blast) =>
        Invariant($"{blast.Installed:N0} devices installed it, of the {blast.Reachable:N0} its plan could reach")
        + (blast.Reachable > 0 ? $" ({Rate((double)blast.Installed / blast.Reachable)})." : ".");

    /// <summary>Follows <c>Recalled</c>.</summary>
    public static string Recalled(SimulationReport report, RecallReport recall) => $"at {Since(report, recall.IssuedAt)}: {recall.Reason}";
}
