using BsiLedger.Domain.Devices.Events;
using JasperFx.Events;
using Marten.Events.Projections;

namespace BsiLedger.EventStore.ReadModels;

/// <summary>Gathers every device's adoption events of a release into the release's one document.</summary>
public sealed class ReleaseAdoptionProjection : MultiStreamProjection<ReleaseAdoption, string>
{
    public const string Projection = "ReleaseAdoption";

    public ReleaseAdoptionProjection()
    {
        Name = Projection;
        Identity<BsiApplied>(e => e.Release.ToString());
        Identity<BsiInstallFailed>(e => e.Release.ToString());
        Identity<BsiSkipped>(e => e.Release.ToString());
        Identity<BsiWithdrawn>(e => e.Release.ToString());
    }

    public override ReleaseAdoption? Evolve(ReleaseAdoption? snapshot, string id, IEvent e)
    {
        if (e.Data is not IDeviceEvent data)
        {
            return snapshot;
        }

        snapshot ??= new ReleaseAdoption { Id = id };
        Count(snapshot.Total, data);
        Count(HourOf(snapshot, data.At).Counts, data);
        return snapshot;
    }

    private static void Count(AdoptionCounts counts, IDeviceEvent e)
    {
        switch (e)
        {
            case BsiApplied:
                counts.Applied++;
                break;
            case BsiInstallFailed:
                counts.Failed++;
                break;
            case BsiSkipped:
                counts.Skipped++;
                break;
            case BsiWithdrawn:
                counts.Withdrawn++;
                break;
        }
    }

    /// <summary>The bucket of the hour <paramref name="at"/> falls in; events come mostly in time order, so it is searched from the end.</summary>
    private static AdoptionHour HourOf(ReleaseAdoption adoption, DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var hour = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
        var index = adoption.Hours.FindLastIndex(h => h.Hour <= hour);
        if (index >= 0 && adoption.Hours[index].Hour == hour)
        {
            return adoption.Hours[index];
        }

        var bucket = new AdoptionHour { Hour = hour };
        adoption.Hours.Insert(index + 1, bucket);
        return bucket;
    }
}
