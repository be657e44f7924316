namespace BsiLedger.EventStore.Integrity;

/// <summary>The ledger up to a digest's last sequence, recomputed today, against the digest.</summary>
public sealed record DigestComparison(LedgerDigest Digest, long EventsNow, string RootNow)
{
    public bool Matches => EventsNow == Digest.Events && RootNow == Digest.Root;
}
