using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.ReadModels;
using BsiLedger.Testing;

namespace BsiLedger.EventStore.Tests.ReadModels;

/// <summary>The inline device state is written in the append's own transaction: read right after, it is already current.</summary>
public sealed class DeviceStateProjectionTests(PostgresFixture postgres) : JournalTest(postgres)
{
    private static readonly ReleaseId A = ReleaseId.Parse("iOS 26.3.1 (a)");
    private static readonly ReleaseId B = ReleaseId.Parse("iOS 26.3.1 (b)");

    [Fact]
    public async Task Each_append_leaves_the_device_document_as_the_Device_aggregate_would_be()
    {
        var id = UniqueIds.Device();
        var self = Cause.Device(id);
        var head = await Journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id), JournalEvents.Installed(id, A.ToString())], Ct);
        head = await Journal.AppendAsync(id, head, [Event(new BsiApplied(id, A, Activation.Restart, JournalEvents.T0.AddHours(2), self)), JournalEvents.Installed(id, B.ToString())], Ct);

        var stagedOverApplied = await StateAsync(id);
        Assert.Equal(("iOS", "26.3.1", A.ToString(), B.ToString(), 4L), (stagedOverApplied.Platform, stagedOverApplied.Os, stagedOverApplied.Applied, stagedOverApplied.Staged, stagedOverApplied.Version));

        head = await Journal.AppendAsync(id, head, [Event(new BsiWithdrawn(id, B, "recall-1", JournalEvents.T0.AddHours(3), Cause.Policy("recall")))], Ct);
        var withdrawnStaged = await StateAsync(id);
        Assert.Equal((A.ToString(), (string?)null), (withdrawnStaged.Applied, withdrawnStaged.Staged));

        await Journal.AppendAsync(id, head, [Event(new OsUpdated(id, OsVersion.Parse("26.3.1"), OsVersion.Parse("26.4"), [A], JournalEvents.T0.AddHours(4), self))], Ct);
        var updated = await StateAsync(id);
        Assert.Equal(("26.4", (string?)null, (string?)null, 6L), (updated.Os, updated.Applied, updated.Staged, updated.Version));
    }

    private static JournalEvent Event(IDeviceEvent e) => new(e, Provenance.NewCommand());

    private async Task<DeviceState> StateAsync(string id)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<DeviceState>(id, Ct) ?? throw new Xunit.Sdk.XunitException($"no DeviceState for {id}");
    }
}
