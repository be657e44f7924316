using System.Globalization;
using BsiLedger.EventStore.Integrity;

namespace BsiLedger.Cli.Chaos;

/// <summary>
/// <c>chaos.json</c>, and what <c>bsi chaos --json</c> prints: the run's shape, each kill, the database's verdict (lost,
/// doubled, violations) and the time from each kill to the next rollout event.
/// </summary>
public sealed record ChaosResult(
    int Silos,
    int Devices,
    int Seed,
    double DurationSeconds,
    double KillEverySeconds,
    int Kills,
    IReadOnlyList<KillRecord> KillLog,
    long Events,
    long Lost,
    long Doubled,
    long ViolationCount,
    IReadOnlyList<InvariantViolation> Violations,
    IReadOnlyList<AcknowledgedCommand> LostCommands,
    IReadOnlyList<DoubledEvents> DoubledEvents,
    IReadOnlyList<double?> KillToNextEventSeconds,
    double? KillToNextEventMedianSeconds,
    double? KillToNextEventWorstSeconds,
    bool RecallCompletedInDrain,
    long Acknowledged,
    long Requests,
    long Retries,
    long CheckIns,
    long Reports,
    double WallSeconds,
    string Recalled,
    string Fix)
{
    public const string FileName = "chaos.json";

    public bool Passed => Lost == 0 && Doubled == 0 && ViolationCount == 0;

    public static ChaosResult Of(ChaosSettings settings, ChaosCounts counts, IReadOnlyList<SiloKill> kills, IReadOnlyList<TimeSpan?> untilNext, InvariantReport report)
    {
        var seconds = untilNext.Select(t => t?.TotalSeconds).ToArray();
        var measured = seconds.OfType<double>().Order().ToArray();
        return new ChaosResult(
            settings.Silos, settings.Devices, settings.Seed, settings.Duration.TotalSeconds, settings.KillEvery.TotalSeconds,
            kills.Count,
            [.. kills.Select((k, i) => new KillRecord(k.Number, k.Silo, k.ProcessId, k.At, k.BackAfter?.TotalSeconds, seconds[i]))],
            report.Events, report.LostCount, report.DoubledCount, report.ViolationCount, report.Violations, report.Lost, report.Doubled,
            seconds,
            measured.Length == 0 ? null : Median(measured),
            measured.Length == 0 ? null : measured[^1],
            counts.RecallCompletedInDrain, counts.Acknowledged, counts.Requests, counts.Retries, counts.CheckIns, counts.Reports,
            counts.WallSeconds, ChaosRollout.Recalled.ToString(), ChaosRollout.Fix.ToString());
    }

    public void Describe(TextWriter console, string file)
    {
        console.WriteLine(Invariant($"{Silos} silos, {Devices:N0} devices, {DurationSeconds:0} s of rollout under a SIGKILL every {KillEverySeconds:0} s (seed {Seed}): {Kills} kills survived"));
        console.WriteLine(Invariant($"events {Events:N0}; commands acknowledged {Acknowledged:N0}; requests {Requests:N0} (sent again to another silo {Retries:N0} times); check-ins {CheckIns:N0}; wall {WallSeconds:0} s"));
        console.WriteLine(Invariant($"lost {Lost}, doubled {Doubled}, violations {ViolationCount}"));
        console.WriteLine(KillToNextEventMedianSeconds is { } median
            ? Invariant($"kill to next rollout event: median {median:0.00} s, worst {KillToNextEventWorstSeconds:0.00} s over {KillToNextEventSeconds.Count(s => s is not null)} kills")
            : "kill to next rollout event: no kill was followed by one");
        foreach (var kill in KillLog)
        {
            console.WriteLine(Invariant(
                $"  kill {kill.Number}: silo {kill.Silo} (pid {kill.ProcessId}) at {kill.At:HH:mm:ss.fff}Z, answering again after {Seconds(kill.BackAfterSeconds)}, next rollout event after {Seconds(kill.NextRolloutEventSeconds)}"));
        }

        if (!RecallCompletedInDrain)
        {
            console.WriteLine($"the recall of {Recalled} had not completed when the drain ended");
        }

        foreach (var violation in Violations)
        {
            console.WriteLine($"  violation: {violation}");
        }

        foreach (var lost in LostCommands)
        {
            console.WriteLine($"  lost: command {lost.CommandId} on stream '{lost.StreamId}' was acknowledged, and its events are not stored");
        }

        foreach (var doubled in DoubledEvents)
        {
            console.WriteLine(Invariant($"  doubled: {doubled.Count} × {doubled.Type}{(doubled.Release is { } r ? $" of {r}" : "")} on stream '{doubled.StreamId}'{(doubled.CommandId is { } c ? $" by command {c}" : " under different command ids")}"));
        }

        console.WriteLine(Passed ? "nothing lost, nothing doubled, every invariant held" : "FAILED: see above");
        console.WriteLine($"result: {file}");
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static string Seconds(double? value) => value is { } s ? Invariant($"{s:0.00} s") : "never";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
