using System.Text.Json;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Tests.Devices;

/// <summary>Given(history) / When(command) / Then(events or error) over <see cref="DeviceDecider"/>.</summary>
public abstract class DeviceSpec
{
    protected const string Id = "C02X1234";
    protected static readonly DateTimeOffset T0 = new(2026, 3, 17, 9, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset Now = T0.AddHours(5);
    protected static readonly Cause Self = Cause.Device(Id);

    private Device _state = Device.Unenrolled;
    private Decision<IDeviceEvent>? _decision;

    protected static ReleaseId R(string text) => ReleaseId.Parse(text);

    protected static DeviceEnrolled Enrolled(Platform platform = Platform.iOS, string os = "26.3.1", bool autoInstall = true) =>
        new(Id, platform, "iPhone18,1", OsVersion.Parse(os), autoInstall, false, MdmPolicy.None, T0, Cause.Operator("it"));

    protected static BsiInstalled Installed(string release) => new(Id, R(release), T0.AddHours(1), Self);

    protected static BsiApplied Applied(string release) => new(Id, R(release), Activation.Restart, T0.AddHours(2), Self);

    protected void Given(params IDeviceEvent[] history) =>
        _state = history.Aggregate(Device.Unenrolled, (state, e) => state.Apply(e));

    protected void When(DeviceCommand command) => _decision = DeviceDecider.Decide(_state, command, Now);

    protected void Then(params IDeviceEvent[] expected)
    {
        var decision = Decided();
        Assert.Null(decision.Error);
        Assert.Equal(expected.Select(Describe), decision.Events.Select(Describe));
    }

    protected void ThenNothingHappens() => Then();

    protected TError ThenRefused<TError>() where TError : DomainError
    {
        var decision = Decided();
        Assert.Empty(decision.Events);
        var error = Assert.IsType<TError>(decision.Error);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    /// <summary>The state the given history left.</summary>
    protected Device Current => _state;

    /// <summary>The state after the decided events, for rules about what state a command leaves.</summary>
    protected Device StateAfter() => Decided().Events.Aggregate(_state, (state, e) => state.Apply(e));

    private Decision<IDeviceEvent> Decided() =>
        _decision ?? throw new InvalidOperationException("call When(command) before Then");

    // Records holding lists compare by reference, so events compare by their JSON form.
    private static string Describe(IDeviceEvent e) => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType())}";
}
