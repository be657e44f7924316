using System.Collections.Immutable;
using BsiLedger.Domain.Devices;

namespace BsiLedger.Domain.Releases.Events;

/// <summary>A BSI was published for one platform and base version: what it fixes and how it activates.</summary>
[GenerateSerializer, Immutable, Alias("bsi.release-published")]
public sealed record ReleasePublished(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] ImmutableArray<string> Components,
    [property: Id(2)] ImmutableArray<string> Cves,
    [property: Id(3)] Activation Activation,
    [property: Id(4)] ReleaseId? Supersedes,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] Cause Cause) : IReleaseEvent;
