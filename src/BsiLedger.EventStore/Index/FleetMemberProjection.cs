using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using Marten.Events.Aggregation;

namespace BsiLedger.EventStore.Index;

/// <summary>Enrolment registers the device under its line and bucket; an OS update moves it to its new line.</summary>
public sealed class FleetMemberProjection : SingleStreamProjection<FleetMember, string>
{
    public static FleetMember Create(DeviceEnrolled e) => new()
    {
        Id = e.DeviceId,
        Platform = e.Platform.ToString(),
        Line = ProductLine.Of(e.Platform, e.Os),
        Bucket = FleetPartition.BucketOf(e.DeviceId),
    };

    public static void Apply(OsUpdated e, FleetMember member) => member.Line = $"{member.Platform} {e.To}";
}
