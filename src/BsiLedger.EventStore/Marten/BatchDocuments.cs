using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.ReadModels;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// The inline read models a batch's accepted appends leave, folded with the projections' own code and written by the
/// journal in the events' transaction (decision 0017): what Marten's inline projections would write, one upsert per
/// table instead of one per document. The projections stay registered with Marten, which runs them for any append
/// made through a Marten session, and can rebuild the tables.
/// </summary>
/// <param name="appends">How many appends the batch holds: nearly every one moves a device and many report.</param>
internal sealed class BatchDocuments(int appends)
{
    public DocumentRows Devices { get; } = new(typeof(DeviceState), appends);

    public DocumentRows Members { get; } = new(typeof(FleetMember));

    public DocumentRows Listings { get; } = new(typeof(ReleaseListing));

    public InstallReportRows Reports { get; } = new(appends);

    public IEnumerable<DocumentRows> Tables => [Devices, Members, Listings];

    /// <param name="devices">The appended streams' <see cref="DeviceState"/> before the batch.</param>
    /// <param name="members">The <see cref="FleetMember"/> of the appended streams that move to another OS.</param>
    public static BatchDocuments Fold(
        IReadOnlyList<PendingAppend> accepted, IReadOnlyDictionary<string, DeviceState> devices, IReadOnlyDictionary<string, FleetMember> members, LedgerJsonSerializer serializer)
    {
        var documents = new BatchDocuments(accepted.Count);
        foreach (var append in accepted)
        {
            documents.Fold(append, devices.GetValueOrDefault(append.StreamId), members.GetValueOrDefault(append.StreamId), serializer);
        }

        return documents;
    }

    private void Fold(PendingAppend append, DeviceState? device, FleetMember? member, LedgerJsonSerializer serializer)
    {
        var version = append.NewHead.Version;
        var (deviceMoved, memberMoved) = (false, false);
        ReleaseListing? listing = null;
        for (var i = 0; i < append.Events.Count; i++)
        {
            var data = append.Events[i].Data;
            Reports.Add(data);
            switch (data)
            {
                case IDeviceEvent:
                    device = DeviceStateProjection.Fold(device, data, append.ExpectedVersion + i + 1);
                    deviceMoved = true;
                    break;
                case ReleasePublished published:
                    listing = ReleaseListingProjection.Create(published);
                    break;
            }

            switch (data)
            {
                case DeviceEnrolled enrolled:
                    member = FleetMemberProjection.Create(enrolled);
                    memberMoved = true;
                    break;
                case OsUpdated updated when member is not null:
                    FleetMemberProjection.Apply(updated, member);
                    memberMoved = true;
                    break;
            }
        }

        if (deviceMoved && device is not null)
        {
            Devices.Add(append.StreamId, serializer.ToUtf8Json(device), version);
        }

        if (memberMoved && member is not null)
        {
            Members.Add(append.StreamId, serializer.ToUtf8Json(member), version);
        }

        if (listing is not null)
        {
            Listings.Add(append.StreamId, serializer.ToUtf8Json(listing), version);
        }
    }
}
