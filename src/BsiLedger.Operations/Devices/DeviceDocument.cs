using BsiLedger.Grains.Devices;

namespace BsiLedger.Operations.Devices;

/// <summary>A device's current state as <c>bsi device show --json</c> and <c>GET /devices/{id}</c> answer it.</summary>
public static class DeviceDocument
{
    public static object Of(DeviceSnapshot snapshot)
    {
        var d = snapshot.Device;
        return new
        {
            device = d.Id,
            platform = d.Platform.ToString(),
            model = d.Model,
            os = d.Os.ToString(),
            autoInstall = d.AutoInstall,
            managed = d.Managed,
            mdmPolicy = d.MdmPolicy,
            applied = d.Applied?.ToString(),
            staged = d.Staged?.ToString(),
            version = snapshot.Version,
        };
    }
}
