using System.Diagnostics;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.Bench;

/// <summary>Phase B: one writer straight into the journal, one event per append and so per transaction.</summary>
public sealed class BaselinePhase(IEventJournal journal, TimeProvider clock, string runId)
{
    public const string Name = "baseline";

    /// <summary>One stream, untimed, so Marten's first-use costs stay out of the figures.</summary>
    public Task WarmUpAsync(CancellationToken ct) => AppendStreamAsync($"bench-{runId}-base-warm", progress: null, ct);

    public async Task<PhaseResult> RunAsync(int streams, CancellationToken ct)
    {
        var total = (long)streams * DeviceScript.EventsPerDevice;
        await using var progress = new Progress(Name, total);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < streams; i++)
        {
            await AppendStreamAsync($"bench-{runId}-base-{i}", progress, ct);
        }

        return new PhaseResult(total, stopwatch.Elapsed.TotalSeconds);
    }

    private async Task AppendStreamAsync(string streamId, Progress? progress, CancellationToken ct)
    {
        var version = 0L;
        foreach (var @event in DeviceScript.Events(streamId, clock.GetUtcNow()))
        {
            version = await journal.AppendAsync(streamId, version, [new JournalEvent(@event, Provenance.NewCommand())], ct);
            progress?.Add(1);
        }
    }
}
