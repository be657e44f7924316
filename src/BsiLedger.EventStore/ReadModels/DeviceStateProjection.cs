using BsiLedger.Domain.Devices.Events;
using BsiLedger.EventStore.Marten;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BsiLedger.EventStore.ReadModels;

/// <summary>Folds a device's events the way <see cref="Domain.Devices.Device.Apply"/> does, into a flat document.</summary>
public sealed class DeviceStateProjection : SingleStreamProjection<DeviceState, string>
{
    public DeviceStateProjection()
    {
        foreach (var (type, _) in LedgerEventTypes.All.Where(t => typeof(IDeviceEvent).IsAssignableFrom(t.Type)))
        {
            IncludeType(type);
        }
    }

    public override DeviceState? Evolve(DeviceState? snapshot, string id, IEvent e) => Fold(snapshot, e.Data, e.Version);

    /// <summary>
    /// The document after one device event at stream version <paramref name="version"/>: what Marten's inline run of this
    /// projection does, and what the journal's own writer (decision 0017) does for a batch.
    /// </summary>
    public static DeviceState? Fold(DeviceState? snapshot, object data, long version)
    {
        if (data is DeviceEnrolled enrolled)
        {
            snapshot = new DeviceState
            {
                Id = enrolled.DeviceId,
                Platform = enrolled.Platform.ToString(),
                Model = enrolled.Model,
                Os = enrolled.Os.ToString(),
                AutoInstall = enrolled.AutoInstall,
                Managed = enrolled.Managed,
                MdmPolicy = enrolled.MdmPolicy.ToString(),
            };
        }

        if (snapshot is null)
        {
            return null;
        }

        switch (data)
        {
            case AutoInstallChanged c:
                snapshot.AutoInstall = c.AutoInstall;
                break;
            case ManagementPolicyChanged c:
                (snapshot.Managed, snapshot.MdmPolicy) = (c.Managed, c.MdmPolicy.ToString());
                break;
            case BsiInstalled c:
                snapshot.Staged = c.Release.ToString();
                break;
            case BsiApplied c:
                (snapshot.Applied, snapshot.Staged) = (c.Release.ToString(), null);
                break;
            case BsiUninstalled:
                (snapshot.Applied, snapshot.Staged) = (null, null);
                break;
            case BsiWithdrawn c:
                var withdrawn = c.Release.ToString();
                snapshot.Applied = snapshot.Applied == withdrawn ? null : snapshot.Applied;
                snapshot.Staged = snapshot.Staged == withdrawn ? null : snapshot.Staged;
                break;
            case OsUpdated c:
                (snapshot.Os, snapshot.Applied, snapshot.Staged) = (c.To.ToString(), null, null);
                break;
        }

        snapshot.Version = version;
        return snapshot;
    }
}
