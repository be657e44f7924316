using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Releases;

/// <summary>The holder Orleans' journaled grain needs around the immutable <see cref="Release"/>; null until the first event.</summary>
[GenerateSerializer, Alias("bsi.release-view")]
public sealed class ReleaseView
{
    [Id(0)]
    public Release? Current { get; set; }
}
