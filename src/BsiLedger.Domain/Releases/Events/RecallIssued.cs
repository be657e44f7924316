namespace BsiLedger.Domain.Releases.Events;

/// <summary>The release was recalled: its rollout stops and it is withdrawn from every device that has it.</summary>
[GenerateSerializer, Immutable, Alias("bsi.recall-issued")]
public sealed record RecallIssued(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] string RecallId,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Cause Cause) : IReleaseEvent;
