using BsiLedger.EventStore.Integrity;

namespace BsiLedger.Operations.Audit;

/// <summary>A verification's findings as <c>bsi audit verify --json</c> and <c>GET /audit/verify</c> answer them.</summary>
public static class VerificationDocument
{
    public static object Of(VerificationReport report) => new
    {
        intact = report.Intact,
        events = report.Events,
        streams = report.Streams,
        findings = report.Findings.Select(f => new { stream = f.StreamId, version = f.Version, problem = f.Problem }),
        findingsTotal = report.FindingsTotal,
        digest = report.Digest is { } d
            ? new { matches = d.Matches, lastSequence = d.Digest.LastSequence, events = d.Digest.Events, eventsNow = d.EventsNow, root = d.Digest.Root, rootNow = d.RootNow }
            : null,
    };
}
