using System.Collections.Concurrent;
using System.Diagnostics;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Marten;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Releases;
using BsiLedger.Host.Cluster;
using BsiLedger.Testing;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>
/// <c>bsi chaos</c> in small: a test cluster of three silos on a database of its own, a rollout through the cluster
/// client, the silo holding the release (and firing its reminder) killed mid-wave, then the database judged as chaos judges it.
/// </summary>
public sealed class KilledSiloTests(PostgresFixture postgres)
{
    private const int Devices = 300;

    private static readonly Cause Operator = Cause.Operator("cluster-test");

    private static readonly TimeSpan Within = TimeSpan.FromSeconds(120);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_silo_killed_mid_wave_loses_and_doubles_nothing_and_the_rollout_takes_its_next_step_and_its_recall()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        using (var store = LedgerStoreOptions.CreateStore(connectionString))
        {
            // Once, before three silos race to create the same tables.
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        await OrleansSchema.EnsureAsync(connectionString, Ct);

        var builder = new TestClusterBuilder(3);
        builder.Properties[LedgerSiloConfigurator.ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<LedgerSiloConfigurator>();
        var cluster = builder.Build();
        var acknowledged = new ConcurrentQueue<AcknowledgedCommand>();
        var release = new ReleaseId(Platform.iOS, OsVersion.Parse(UniqueIds.BaseVersion()), 'a');
        string killed;
        ReleaseSnapshot next;
        try
        {
            await cluster.DeployAsync(Ct);
            var grains = cluster.Client;
            await EnrolAsync(grains, release, acknowledged);
            var grain = grains.GetGrain<IReleaseGrain>(release.ToString());
            await SendAsync(release.ToString(), acknowledged, p => grain.Execute(new PublishRelease(release, ["WebKit"], ["CVE-2026-20001"], Activation.Relaunch, null, Operator), p));
            await SendAsync(release.ToString(), acknowledged, p => grain.Execute(new PlanRollout(release, new RolloutPlan(
                [new WavePlan(0.2, TimeSpan.FromSeconds(3), 0.5), new WavePlan(0.6, TimeSpan.FromSeconds(3), 0.5), new WavePlan(1.0, TimeSpan.Zero, 0.5)], 10), Operator), p));
            await SendAsync(release.ToString(), acknowledged, p => grain.Start(Operator, p));

            // Mid-wave: the first wave is soaking. The primary keeps the test cluster's membership, so a secondary dies:
            // the one holding the release grain (and its step timer) when that is a secondary.
            var victim = await HolderAsync(cluster, grain) is { } holder && holder != cluster.Primary ? holder : cluster.SecondarySilos[0];
            killed = victim.Name;
            await cluster.KillSiloAsync(victim, Ct);

            next = await UntilAsync(grain, s => s.Release.Waves.Length >= 2);
            await SendAsync(release.ToString(), acknowledged, p => grain.Recall("breaks sign-in pages", Operator, p));
            await UntilAsync(grain, s => s.Release.Recall is { IsComplete: true });
        }
        finally
        {
            await cluster.StopAllSilosAsync(Ct);
            await cluster.DisposeAsync();
        }

        Assert.NotNull(next.Release.Waves[0].CompletedAt);
        var report = await new RolloutInvariants(connectionString).CheckAsync(release, [.. acknowledged], Ct);
        Assert.True(report.Holds, $"after killing {killed}: lost {report.LostCount} {string.Join(", ", report.Lost)}; doubled {report.DoubledCount} {string.Join(", ", report.Doubled)}; violations {string.Join("; ", report.Violations)}");
        Assert.Equal(Devices + 4, acknowledged.Count);
        Assert.True(report.Events > Devices * 2, $"only {report.Events} events: the waves did not reach the devices");
    }

    private static async Task EnrolAsync(IGrainFactory grains, ReleaseId release, ConcurrentQueue<AcknowledgedCommand> acknowledged)
    {
        var prefix = UniqueIds.Device("cluster");
        string[] ids = [.. Enumerable.Range(0, Devices).Select(i => $"{prefix}-{i:D4}")];
        await BoundedFanOut.RunAsync(ids, 32, id => SendAsync(id, acknowledged, p => grains.GetGrain<IDeviceGrain>(id)
            .Execute(new EnrollDevice(id, Platform.iOS, "iPhone18,1", release.Base, true, false, MdmPolicy.None, Operator), p)));
    }

    /// <summary>Sends a command under a fresh command id and keeps the id when the command appended: it must be stored.</summary>
    private static async Task<CommandOutcome> SendAsync(string stream, ConcurrentQueue<AcknowledgedCommand> acknowledged, Func<Provenance, Task<CommandOutcome>> send)
    {
        var provenance = Provenance.NewCommand();
        var outcome = await send(provenance);
        Assert.Equal(CommandStatus.Accepted, outcome.Status);
        acknowledged.Enqueue(new AcknowledgedCommand(stream, provenance.CausationId));
        return outcome;
    }

    private static async Task<SiloHandle?> HolderAsync(TestCluster cluster, IReleaseGrain grain)
    {
        var statistics = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var holder = statistics.FirstOrDefault(s => s.GrainId == grain.GetGrainId())?.SiloAddress;
        return cluster.GetActiveSilos().FirstOrDefault(s => s.SiloAddress.Equals(holder));
    }

    /// <summary>
    /// Reads the release until <paramref name="reached"/>; a read that meets the killed silo before the cluster has declared
    /// it dead fails or times out, and is asked again.
    /// </summary>
    private static async Task<ReleaseSnapshot> UntilAsync(IReleaseGrain grain, Func<ReleaseSnapshot, bool> reached)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var status = await grain.Status();
                if (reached(status))
                {
                    return status;
                }
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException && clock.Elapsed < Within)
            {
                // The cluster has not routed around the dead silo yet.
            }

            Assert.True(clock.Elapsed < Within, $"the release did not get there within {Within.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
        }
    }
}
