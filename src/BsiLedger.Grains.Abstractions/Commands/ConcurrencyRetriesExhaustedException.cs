namespace BsiLedger.Grains.Commands;

/// <summary>Other writers kept appending to the stream first, attempt after attempt. Nothing was appended.</summary>
[GenerateSerializer, Alias("bsi.concurrency-retries-exhausted")]
public sealed class ConcurrencyRetriesExhaustedException : Exception
{
    public ConcurrencyRetriesExhaustedException(string streamId, int attempts)
        : base($"stream '{streamId}' changed under {attempts} attempts in a row: another writer keeps appending; retry later")
    {
    }
}
