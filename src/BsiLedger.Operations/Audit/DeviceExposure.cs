using BsiLedger.EventStore.ReadModels;
using Marten;

namespace BsiLedger.Operations.Audit;

/// <summary>
/// Every window in which one device ran a release (<c>GET /audit/devices/{id}/exposure</c>): the rows of the same
/// exposure-window projection <see cref="Exposure"/> lists by release, read by device.
/// </summary>
public sealed record DeviceExposure(string Device, IReadOnlyList<ExposureWindow> Windows)
{
    public static async Task<DeviceExposure> ListAsync(IDocumentStore store, string device, CancellationToken ct)
    {
        await ReadModelProgress.CatchUpAsync(store, Exposure.CatchUpLimit, ct);
        return new DeviceExposure(device, await ExposureWindows.ForDeviceAsync(store, device, ct));
    }

    public object Document() => new
    {
        device = Device,
        windows = Windows.Select(w => ExposureWindowFields.Of("release", w.Release, w)),
    };
}
