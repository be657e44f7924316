using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;

namespace BsiLedger.Simulation.Tests.Reports;

/// <summary>
/// A ledger written event by event through Marten, one device per way of running (or not running) release A:
/// withdrawn by the recall at once, settled by an OS update, superseded by B, unaffected by withdrawing a C it had
/// only staged, removed by the user, only ever staged, and still running it when the ledger was read.
/// </summary>
internal static class HandMadeLedger
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly ReleaseId A = ReleaseId.Parse("iOS 26.3.1 (a)");
    public static readonly ReleaseId B = ReleaseId.Parse("iOS 26.3.1 (b)");
    public static readonly ReleaseId C = ReleaseId.Parse("iOS 26.3.1 (c)");

    private static readonly Cause Engineer = Cause.Operator("test");

    /// <summary>A new database holding the stories; release A's recall is issued at T+60h when <paramref name="recall"/>.</summary>
    public static async Task<string> CreateAsync(PostgresFixture postgres, bool recall = true)
    {
        var connection = await postgres.CreateDatabaseAsync();
        using var store = LedgerStoreOptions.CreateStore(connection);
        await using var session = store.LightweightSession();
        Device(session, "withdrawn-at-once", Applied(A, 0), Withdrawn(A, 60));
        Device(session, "os-updated", Applied(A, 1), Updated(62.5, A));
        Device(session, "superseded", Applied(A, 1), Installed(B, 9), Applied(B, 10));
        Device(session, "staged-c-withdrawn", Applied(A, 2), Installed(C, 3), Withdrawn(C, 4), Withdrawn(A, 66));
        Device(session, "removed", Applied(A, 2), Removed(5, A));
        Device(session, "staged-only", Installed(A, 1), Withdrawn(A, 60));
        Device(session, "still-running", Applied(A, 3));
        if (recall)
        {
            session.Events.Append(A.ToString(), new RecallIssued(A, "recall-1", "breaks sign-in pages", At(60), Engineer));
        }

        await session.SaveChangesAsync();
        return connection;
    }

    public static DateTimeOffset At(double hours) => Start.AddHours(hours);

    private static void Device(Marten.IDocumentSession session, string id, params Func<string, IDeviceEvent>[] events) =>
        session.Events.Append(id, [
            new DeviceEnrolled(id, Platform.iOS, "iPhone18,1", OsVersion.Parse("26.3.1"), true, false, MdmPolicy.None, Start, Engineer),
            .. events.Select(e => e(id)),
        ]);

    private static Func<string, IDeviceEvent> Installed(ReleaseId release, double hours) => id => new BsiInstalled(id, release, At(hours), Cause.Device(id));

    private static Func<string, IDeviceEvent> Applied(ReleaseId release, double hours) => id => new BsiApplied(id, release, Activation.Restart, At(hours), Cause.Device(id));

    private static Func<string, IDeviceEvent> Withdrawn(ReleaseId release, double hours) => id => new BsiWithdrawn(id, release, "recall-1", At(hours), Engineer);

    private static Func<string, IDeviceEvent> Updated(double hours, params ReleaseId[] cleared) =>
        id => new OsUpdated(id, OsVersion.Parse("26.3.1"), OsVersion.Parse("26.4"), cleared, At(hours), Cause.Device(id));

    private static Func<string, IDeviceEvent> Removed(double hours, params ReleaseId[] removed) => id => new BsiUninstalled(id, removed, At(hours), Cause.Device(id));
}
