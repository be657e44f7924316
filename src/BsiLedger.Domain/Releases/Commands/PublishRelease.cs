using System.Collections.Immutable;
using BsiLedger.Domain.Devices;

namespace BsiLedger.Domain.Releases.Commands;

/// <summary>An operator publishes a BSI.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.publish-release")]
public sealed record PublishRelease(
    ReleaseId Release,
    [property: Id(0)] ImmutableArray<string> Components,
    [property: Id(1)] ImmutableArray<string> Cves,
    [property: Id(2)] Activation Activation,
    [property: Id(3)] ReleaseId? Supersedes,
    Cause Cause) : ReleaseCommand(Release, Cause);
