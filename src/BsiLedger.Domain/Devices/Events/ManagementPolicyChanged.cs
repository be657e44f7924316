namespace BsiLedger.Domain.Devices.Events;

/// <summary>The device came under management, left it, or its MDM policy changed.</summary>
[GenerateSerializer, Immutable, Alias("bsi.management-policy-changed")]
public sealed record ManagementPolicyChanged(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] bool Managed,
    [property: Id(2)] MdmPolicy MdmPolicy,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Cause Cause) : IDeviceEvent;
