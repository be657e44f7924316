using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.EventStore.Tests;

internal static class JournalEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 17, 9, 0, 0, TimeSpan.Zero);

    public static JournalEvent Enrolled(string deviceId, string correlation = "c-1") =>
        new(new DeviceEnrolled(deviceId, Platform.iOS, "iPhone18,1", OsVersion.Parse("26.3.1"), true, false, MdmPolicy.None, T0, Cause.Operator("it")),
            new Provenance(correlation, "cmd-" + correlation));

    public static JournalEvent Installed(string deviceId, string release = "iOS 26.3.1 (a)", string correlation = "c-2") =>
        new(new BsiInstalled(deviceId, ReleaseId.Parse(release), T0.AddHours(1), Cause.Device(deviceId)),
            new Provenance(correlation, "cmd-" + correlation));
}
