using System.Collections.Immutable;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.EventStore.Tests.Writer;

/// <summary>
/// Batches of appends that touch every table the journal writes: new streams, multi-event appends, an install and an
/// apply of one release in one append, a failed install, an OS update, a publish, a recall, a withdrawal, a stale
/// append and a colliding start (decision 0017's round trip).
/// </summary>
internal static class RoundTripScript
{
    public const string A = "rt-device-a";
    public const string B = "rt-device-b";
    public const string C = "rt-device-c";

    private static readonly ReleaseId Release = ReleaseId.Parse("iOS 26.3.1 (a)");
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Cause Engineer = Cause.Operator("round-trip");

    public static IReadOnlyList<ScriptedAppend[]> Batches { get; } =
    [
        [
            new(Release.ToString(), 0, Event(new ReleasePublished(Release, ["WebKit"], ["CVE-2026-20001"], Activation.Restart, null, T0, Engineer))),
            new(A, 0, Enrolled(A), Event(new AutoInstallChanged(A, false, T0.AddMinutes(1), Engineer))),
            new(B, 0, Enrolled(B)),
            new(C, 0, Enrolled(C)),
        ],
        [
            new(A, 2, Event(new BsiInstalled(A, Release, T0.AddHours(1), Cause.Device(A))), Event(new BsiApplied(A, Release, Activation.Restart, T0.AddHours(2), Cause.Device(A)))),
            new(B, 1, Event(new OsUpdated(B, OsVersion.Parse("26.3.1"), OsVersion.Parse("26.4"), ImmutableArray<ReleaseId>.Empty, T0.AddHours(1), Cause.Device(B)))),
            new(C, 1, Event(new BsiInstallFailed(C, Release, "disk full", T0.AddHours(1), Cause.Device(C)))),
        ],
        [
            // Stale: C is at version 2.
            new(C, 1, Event(new BsiInstalled(C, Release, T0.AddHours(3), Cause.Device(C)))),
            // A collision: B was started in the first batch.
            new(B, 0, Enrolled(B)),
            new(C, 2, Event(new BsiInstalled(C, Release, T0.AddHours(3), Cause.Device(C)))),
        ],
        [
            new(Release.ToString(), 1, Event(new RecallIssued(Release, "recall-1", "breaks sign-in pages", T0.AddHours(4), Engineer))),
        ],
        [
            new(A, 4, Event(new BsiWithdrawn(A, Release, "recall-1", T0.AddHours(5), Engineer))),
            new(C, 3, Event(new BsiWithdrawn(C, Release, "recall-1", T0.AddHours(5), Engineer))),
        ],
    ];

    private static JournalEvent Enrolled(string id) =>
        Event(new DeviceEnrolled(id, Platform.iOS, "iPhone18,1", OsVersion.Parse("26.3.1"), true, true, MdmPolicy.Allow, T0, Engineer));

    private static JournalEvent Event(ILedgerEvent data) => new(data, new Provenance("corr-" + data.GetType().Name, "cause-" + data.GetType().Name));
}
