using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Tests.Devices;

/// <summary>Given(history) / When(command) / Then(events or error) over <see cref="DeviceDecider"/>.</summary>
public abstract class DeviceSpec : DecisionSpec<Device, DeviceCommand, IDeviceEvent>
{
    protected const string Id = "C02X1234";
    protected static readonly DateTimeOffset T0 = new(2026, 3, 17, 9, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset Now = T0.AddHours(5);
    protected static readonly Cause Self = Cause.Device(Id);

    protected static ReleaseId R(string text) => ReleaseId.Parse(text);

    protected static DeviceEnrolled Enrolled(Platform platform = Platform.iOS, string os = "26.3.1", bool autoInstall = true) =>
        new(Id, platform, "iPhone18,1", OsVersion.Parse(os), autoInstall, false, MdmPolicy.None, T0, Cause.Operator("it"));

    protected static BsiInstalled Installed(string release) => new(Id, R(release), T0.AddHours(1), Self);

    protected static BsiApplied Applied(string release) => new(Id, R(release), Activation.Restart, T0.AddHours(2), Self);

    protected override Device Initial => Device.Unenrolled;

    protected override Device Evolve(Device state, IDeviceEvent @event) => state.Apply(@event);

    protected override Decision<IDeviceEvent> Decide(Device state, DeviceCommand command) => DeviceDecider.Decide(state, command, Now);
}
