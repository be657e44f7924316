using BsiLedger.Domain.Devices.Events;
using JasperFx.Events;
using Marten.Events.Projections;

namespace BsiLedger.EventStore.Tests;

public sealed class EventCounts
{
    public string Id { get; set; } = "";

    public Dictionary<string, long> Counts { get; set; } = [];
}

/// <summary>A test-only async projection: how many events of each type the ledger holds.</summary>
public sealed class EventCountsProjection : MultiStreamProjection<EventCounts, string>
{
    public const string Key = "all";

    public EventCountsProjection()
    {
        Identity<DeviceEnrolled>(_ => Key);
        Identity<BsiInstalled>(_ => Key);
    }

    public static EventCounts Create(IEvent<DeviceEnrolled> e) => Count(new EventCounts { Id = Key }, e);

    public static void Apply(IEvent<DeviceEnrolled> e, EventCounts counts) => Count(counts, e);

    public static void Apply(IEvent<BsiInstalled> e, EventCounts counts) => Count(counts, e);

    private static EventCounts Count(EventCounts counts, IEvent e)
    {
        counts.Counts[e.EventTypeName] = counts.Counts.GetValueOrDefault(e.EventTypeName) + 1;
        return counts;
    }
}
