using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Releases;

namespace BsiLedger.Operations.Releases;

/// <summary>How a release activates, as its publication says: the default for a device's apply report that names none.</summary>
public static class PublishedActivation
{
    /// <summary>Null when the release was never published.</summary>
    public static async Task<Activation?> OfAsync(IGrainFactory grains, ReleaseId release)
    {
        var releases = await grains.GetGrain<IReleaseLineGrain>(ProductLine.Of(release)).Releases();
        return releases.FirstOrDefault(r => r.Id == release)?.Activation;
    }
}
