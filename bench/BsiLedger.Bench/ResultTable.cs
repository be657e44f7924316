using System.Globalization;

namespace BsiLedger.Bench;

/// <summary>The run's figures for a reader, with what they do and do not yet include.</summary>
public static class ResultTable
{
    public static void Write(TextWriter output, BenchReport report, string database)
    {
        output.WriteLine();
        output.WriteLine(Format($"{"phase",-52} {"events",8} {"seconds",9} {"events/s",10}"));
        Row(output, $"A grain path ({report.Concurrency} devices in flight)", report.GrainPath);
        Row(output, "B baseline (one append per transaction, one writer)", report.Baseline);
        output.WriteLine(Format($"ratio grain path / baseline: {report.Ratio:F2}"));
        output.WriteLine();
        output.WriteLine(Format($"{report.Devices} devices x {DeviceScript.EventsPerDevice} events; {report.Machine.Processors} processors, {report.Machine.Os}."));
        output.WriteLine($"Both phases run in this one process against the same database ({database}).");
        output.WriteLine("Batching is not yet implemented: every command is its own append and transaction.");
        output.WriteLine("This is the first reading; a later issue adds group commit.");
    }

    private static void Row(TextWriter output, string phase, PhaseResult result) =>
        output.WriteLine(Format($"{phase,-52} {result.Events,8} {result.Seconds,9:F2} {result.EventsPerSecond,10:F0}"));

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
