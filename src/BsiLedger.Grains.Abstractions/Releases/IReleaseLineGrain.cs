using System.Collections.Immutable;

namespace BsiLedger.Grains.Releases;

/// <summary>
/// The releases of one product line (keyed like <c>iOS 26.3.1</c>): what a checking-in device is offered and must
/// give back.
/// </summary>
[Alias("bsi.release-line-grain")]
public interface IReleaseLineGrain : IGrainWithStringKey
{
    [Alias("releases")]
    Task<ImmutableArray<ReleaseSummary>> Releases();

    /// <summary>The release grain tells its line after every change.</summary>
    [Alias("update")]
    Task Update(ReleaseSummary summary);
}
