namespace BsiLedger.EventStore.Integrity;

/// <param name="Findings">The first findings, in stream and version order (at most the verifier's limit).</param>
/// <param name="FindingsTotal">Every finding, including those past the limit.</param>
public sealed record VerificationReport(long Events, long Streams, IReadOnlyList<ChainFinding> Findings, long FindingsTotal, DigestComparison? Digest)
{
    public bool Intact => FindingsTotal == 0 && Digest is null or { Matches: true };
}
