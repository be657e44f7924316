using System.Diagnostics;
using Npgsql;

namespace BsiLedger.Bench;

/// <summary>
/// The ceiling: the very rows a grain-path phase appended, copied with one binary COPY into a scratch
/// table shaped like Marten's events table. Only the COPY is timed; reading the rows back is not. The copy takes about
/// a second, so one sample swings with whatever else the machine did in that second: the ceiling is the median of
/// <see cref="Samples"/> copies, each into a fresh table.
/// </summary>
public sealed class CopyCeilingPhase(NpgsqlDataSource database, string runId)
{
    public const string Name = "COPY ceiling";

    public const int Samples = 3;

    public async Task<PhaseResult> RunAsync(GrainPathPhase source, PhaseResult appended, CancellationToken ct)
    {
        var warmUp = await EventRows.ReadAsync(database, source.WarmUpDevicePrefix, ct);
        var rows = await EventRows.ReadAsync(database, source.TimedDevicePrefix, ct);
        if (rows.Count != appended.Events)
        {
            throw new InvalidOperationException($"{source.Name} appended {appended.Events} events but {rows.Count} rows were read back");
        }

        var seconds = new List<double>();
        for (var sample = 1; sample <= Samples; sample++)
        {
            var label = $"{Name} {sample}/{Samples}";
            seconds.Add(await CopyOnceAsync(warmUp, rows, label, ct));
            await Console.Error.WriteLineAsync($"  {label}: {rows.Count / seconds[^1]:F0} rows/s");
        }

        return new PhaseResult(Name, rows.Count, seconds.Order().ElementAt(Samples / 2));
    }

    private async Task<double> CopyOnceAsync(EventRows warmUp, EventRows rows, string label, CancellationToken ct)
    {
        await using var scratch = await ScratchEventsTable.CreateAsync(database, runId, ct);
        await using var connection = await database.OpenConnectionAsync(ct);
        // The warm-up devices' rows, untimed: the first COPY on a connection pays its type look-ups.
        await warmUp.CopyAsync(connection, scratch.Name, progress: null, ct);

        await using var progress = new Progress(label, rows.Count);
        var clock = Stopwatch.StartNew();
        await rows.CopyAsync(connection, scratch.Name, progress, ct);
        return clock.Elapsed.TotalSeconds;
    }
}
