using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Releases;

namespace BsiLedger.Grains.Tests;

/// <summary>Device reports name published releases only; tests that are about devices publish theirs first.</summary>
public static class PublishedReleases
{
    public static async Task EnsureAsync(IGrainFactory grains, ReleaseId release)
    {
        var outcome = await grains.GetGrain<IReleaseGrain>(release.ToString()).Execute(
            new PublishRelease(release, ["WebKit"], [], Activation.Restart, null, Cause.Operator("test")), Provenance.NewCommand());
        Assert.NotEqual(CommandStatus.Refused, outcome.Status);
    }
}
