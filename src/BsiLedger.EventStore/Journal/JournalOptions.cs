namespace BsiLedger.EventStore.Journal;

/// <summary>
/// How the journal groups work into database round trips. Appends and reads that arrive while a round
/// trip is in flight wait and go together in the next one (group commit), up to these limits.
/// </summary>
public sealed record JournalOptions
{
    /// <summary>Most streams one append transaction writes; 1 turns group commit off (one transaction per append).</summary>
    public int MaxStreamsPerCommit { get; init; } = 512;

    /// <summary>Most streams one read round trip fetches.</summary>
    public int MaxStreamsPerRead { get; init; } = 512;

    /// <summary>Round trips in flight at once, for appends and for reads each; one gathers while another writes.</summary>
    public int Writers { get; init; } = 2;

    /// <summary>
    /// Chain every event's hash to the one before it (docs/tamper-evidence.md). Off only to measure what the chain
    /// costs (the benchmark): a ledger written without it fails <c>bsi audit verify</c>.
    /// </summary>
    public bool ChainEvents { get; init; } = true;

    /// <summary>
    /// How long an append or read waits out a database that dropped its connections, restarted or has no free slot
    /// (docs/operations.md) before failing with <see cref="JournalUnavailableException"/>; zero fails at once.
    /// </summary>
    public TimeSpan OutageTolerance { get; init; } = DefaultOutageTolerance;

    public static TimeSpan DefaultOutageTolerance { get; } = TimeSpan.FromSeconds(60);

    public void Validate()
    {
        if (MaxStreamsPerCommit < 1 || MaxStreamsPerRead < 1 || Writers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(JournalOptions), this, "batch sizes and writers must be at least 1");
        }

        if (OutageTolerance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(JournalOptions), this, "the outage tolerance cannot be negative");
        }
    }
}
