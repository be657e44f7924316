using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using Marten.Events.Aggregation;

namespace BsiLedger.EventStore.Index;

public sealed class ReleaseListingProjection : SingleStreamProjection<ReleaseListing, string>
{
    public static ReleaseListing Create(ReleasePublished e) => new() { Id = e.Release.ToString(), Line = ProductLine.Of(e.Release) };
}
