using System.Diagnostics;
using System.Globalization;
using BsiLedger.Domain.Releases;
using BsiLedger.Simulation.WhatIf;

// bsi-whatif-bench CONNECTION RELEASE: on a ledger `bsi simulate` wrote (say at a million devices), reads the release's
// rollout once, replays its actual plan, then sweeps the threshold over ten values, as `bsi whatif --sweep` does. Each
// step's wall time is printed beside the goal (a replay <= 5 s, a sweep of ten <= 10 s); nothing is asserted or appended.
if (args.Length != 2)
{
    await Console.Error.WriteLineAsync("usage: bsi-whatif-bench CONNECTION RELEASE");
    return 2;
}

var (connection, release) = (args[0], ReleaseId.Parse(args[1]));
var clock = Stopwatch.StartNew();
var replay = await WhatIfReplay.LoadAsync(connection, release, CancellationToken.None);
var load = clock.Elapsed;
Console.WriteLine(Invariant($"read the rollout of {release} ({replay.Ledger} ledger, {replay.Actual.Waves.Sum(w => w.Targeted):N0} devices offered): {load.TotalSeconds:0.00} s"));

clock.Restart();
var same = replay.Replay(replay.ActualPlan);
var once = clock.Elapsed;
Console.WriteLine(Invariant($"replay of the actual plan in memory: {once.TotalSeconds:0.00} s; with the read {(load + once).TotalSeconds:0.00} s (goal <= 5 s); same as actual: {Same(replay.Actual, same)}"));

var sweep = new WhatIfSweep(SweepParameter.Threshold, [.. Enumerable.Range(1, 10).Select(i => i / 100.0)]);
clock.Restart();
var points = sweep.Run(replay, replay.ActualPlan);
var swept = clock.Elapsed;
Console.WriteLine(Invariant($"sweep of ten thresholds in memory: {swept.TotalSeconds:0.00} s; with the read {(load + swept).TotalSeconds:0.00} s (goal <= 10 s)"));
foreach (var point in points.Points)
{
    var halt = point.Replay.Halted is { } h ? Invariant($"halted in wave {h.Wave + 1} at T+{(h.At - replay.Start).TotalHours:0}h") : "no halt";
    Console.WriteLine(Invariant($"  threshold {point.Label,4}: {halt}, {point.Replay.Installed:N0} installed, {point.Replay.Failed:N0} failed, {point.Replay.Exposed:N0} exposed"));
}

return 0;

static bool Same(RolloutFigures a, RolloutFigures b) =>
    System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
