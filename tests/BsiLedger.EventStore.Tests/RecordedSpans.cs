using System.Collections.Concurrent;
using System.Diagnostics;

namespace BsiLedger.EventStore.Tests;

/// <summary>
/// The spans that ended in the given traces, from the given sources, while this is alive: every span is sampled and
/// recorded, and spans of other tests running meanwhile (other traces) are left out.
/// </summary>
internal sealed class RecordedSpans : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public RecordedSpans(IReadOnlySet<ActivityTraceId> traces, params string[] sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (traces.Contains(span.TraceId))
                {
                    _spans.Enqueue(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyCollection<Activity> Spans => _spans;

    public void Dispose() => _listener.Dispose();
}
