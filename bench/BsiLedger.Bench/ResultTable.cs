using System.Globalization;

namespace BsiLedger.Bench;

/// <summary>The run's figures for a reader, with what each phase does and does not include.</summary>
public static class ResultTable
{
    public static void Write(TextWriter output, BenchReport report)
    {
        var batchedJournal = report.Batched.Journal!;
        output.WriteLine();
        output.WriteLine(Format($"{"phase",-66} {"events",8} {"seconds",9} {"events/s",10} {"KB/event",9} {"GC paused",10}"));
        Row(output, $"grain path, batched (up to {batchedJournal.MaxStreamsPerCommit} streams per transaction)", report.Batched);
        if (report.Traced is { } traced)
        {
            Row(output, "grain path, batched, traced (spans discarded: what tracing costs)", traced);
        }

        Row(output, "grain path, batched, hash chain off (what the chain costs)", report.Unchained);
        Row(output, "baseline (same grain path, one append per transaction)", report.Baseline);
        Row(output, "COPY ceiling (the batched rows, one binary COPY, median of 3)", report.Copy);
        Row(output, "grain path, no journal (acknowledged at once: before the journal)", report.WithoutJournal);
        output.WriteLine();
        output.WriteLine(Format($"batched            {report.BatchedRate.Value,8:F0}    events/s, target >= {report.BatchedRate.Bound:F0}   {Verdict(report.BatchedRate)}"));
        if (report.BatchedAllocation is { } allocation)
        {
            output.WriteLine(Format($"batched allocation {allocation.Value,8:F1}    KB per event, target <= {allocation.Bound:F0}   {Verdict(allocation)}"));
        }

        output.WriteLine(Format($"batched / COPY     {report.BatchedOverCopy.Value * 100,8:F1}%   target >= {report.BatchedOverCopy.Bound * 100:F0}%   {Verdict(report.BatchedOverCopy)}"));
        output.WriteLine(Format($"chained / no chain {report.ChainedOverUnchained.Value * 100,8:F1}%   target >= {report.ChainedOverUnchained.Bound * 100:F0}%   {Verdict(report.ChainedOverUnchained)}"));
        output.WriteLine(Format($"batched / baseline {report.BatchedOverBaseline,8:F1}x   (no target: it moves whenever the lone append gets cheaper)"));
        output.WriteLine(Format($"batched / no journal {report.BatchedOverGrainPath * 100,6:F1}%   (no target: {BenchReport.RateTarget:F0} events/s was {BenchReport.RateTargetOverGrainPath * 100:F1}% of the grain path without a journal where issue 19 was written)"));
        var time = report.EventTime;
        output.WriteLine(Format($"wall time per event {time.BatchedMicroseconds,6:F1} us batched, {time.GrainPathMicroseconds:F1} us without a journal: the journal adds {time.JournalMicroseconds:F1} us ({time.JournalShare * 100:F0}%: hashing, the writer, PostgreSQL)"));
        if (report.TracedOverBatched is { } tracedRatio)
        {
            output.WriteLine(Format($"traced / untraced  {tracedRatio * 100,8:F1}%   (no target: tracing's overhead, sampled as OTEL_TRACES_SAMPLER says)"));
        }
        output.WriteLine();
        output.WriteLine(Format($"{report.Devices} devices x {report.EventsPerDevice} events per grain-path run, {report.Concurrency} devices in flight on every grain path."));
        output.WriteLine("The two batched rows are two runs each, in the order chained, unchained, unchained, chained,");
        output.WriteLine("after an untimed warm-up run of the batched path; the baseline runs last, once.");
        output.WriteLine(Format($"{report.Machine.Processors} processors, {report.Machine.Os}, {report.Machine.Runtime} ({(report.Machine.ServerGc ? "server" : "workstation")} GC), PostgreSQL {report.Machine.PostgreSql}."));
        output.WriteLine($"All phases ran in this process, one after another, against the same database ({report.Database}).");
        output.WriteLine("Each host's own warm-up is not timed either. The grain paths also write each stream's row and the fleet registry;");
        output.WriteLine("the ceiling copies event rows only, into a scratch copy of mt_events with its indexes, dropped afterwards;");
        output.WriteLine(Format($"it is the median of {CopyCeilingPhase.Samples} copies, each into a fresh table."));
    }

    private static void Row(TextWriter output, string phase, PhaseResult result) =>
        output.WriteLine(Format($"{phase,-66} {result.Events,8} {result.Seconds,9:F2} {result.EventsPerSecond,10:F0} {Kilobytes(result.AllocatedBytesPerEvent),9} {Percent(result.GcPauseShare),10}"));

    private static string Kilobytes(double? bytes) => bytes is { } b ? Format($"{b / 1024:F1}") : "-";

    private static string Percent(double? share) => share is { } s ? Format($"{s * 100:F0}%") : "-";

    private static string Verdict(TargetFigure figure) => figure.Met ? "met" : "NOT met";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
