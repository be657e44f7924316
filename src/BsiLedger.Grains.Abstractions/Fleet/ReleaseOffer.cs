using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Fleet;

/// <summary>A wave's offer: the devices whose cohort position is in [From, To) are offered the release.</summary>
[GenerateSerializer, Immutable, Alias("bsi.release-offer")]
public sealed record ReleaseOffer(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] Activation Activation,
    [property: Id(2)] int Wave,
    [property: Id(3)] double From,
    [property: Id(4)] double To,
    [property: Id(5)] Provenance Provenance);
