using System.Diagnostics;

namespace BsiLedger.EventStore.Telemetry;

/// <summary>
/// The span of one group-commit round trip, which serves many callers from many traces. It joins the trace of the
/// first caller whose trace is sampled (so the database command under it lands in a trace someone keeps) and links
/// to every other caller; each caller's own span waits until the round trip has settled it.
/// </summary>
public static class RoundTripSpan
{
    public static Activity? Start(string name, IEnumerable<ActivityContext> callers)
    {
        if (!LedgerTelemetry.Source.HasListeners())
        {
            return null;
        }

        var known = callers.Where(c => c != default).ToList();
        // A round trip inside another (a batch halved around a conflict) stays under the one that split it.
        var parent = Activity.Current is { } enclosing ? enclosing.Context
            : known.FirstOrDefault(c => c.TraceFlags.HasFlag(ActivityTraceFlags.Recorded), known.FirstOrDefault());
        var links = known.Where(c => c != parent).Select(c => new ActivityLink(c));
        return LedgerTelemetry.Source.StartActivity(name, ActivityKind.Client, parent, links: links);
    }
}
