namespace BsiLedger.Domain.Releases;

/// <summary>Devices of a wave's slice that were not offered the release, by reason.</summary>
[GenerateSerializer, Immutable, Alias("bsi.skip-counts")]
public sealed record SkipCounts(
    [property: Id(0)] int AutoInstallOff,
    [property: Id(1)] int MdmForbids,
    [property: Id(2)] int Ineligible,
    [property: Id(3)] int Offline)
{
    public static SkipCounts None { get; } = new(0, 0, 0, 0);

    public int Total => AutoInstallOff + MdmForbids + Ineligible + Offline;

    public SkipCounts Plus(SkipCounts other) => new(
        AutoInstallOff + other.AutoInstallOff, MdmForbids + other.MdmForbids,
        Ineligible + other.Ineligible, Offline + other.Offline);
}
