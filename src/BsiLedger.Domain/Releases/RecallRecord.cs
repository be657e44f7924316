namespace BsiLedger.Domain.Releases;

/// <summary>
/// A recall: issued with a reason, complete once no device that had the release still has it. The recall id
/// is the correlation id of the command that issued it, so every <c>BsiWithdrawn</c> it causes joins to it.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.recall-record")]
public sealed record RecallRecord(
    [property: Id(0)] string RecallId,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset IssuedAt,
    [property: Id(3)] DateTimeOffset? CompletedAt,
    [property: Id(4)] int Withdrawn,
    [property: Id(5)] int Settled,
    [property: Id(6)] Cause IssuedBy)
{
    public bool IsComplete => CompletedAt is not null;
}
