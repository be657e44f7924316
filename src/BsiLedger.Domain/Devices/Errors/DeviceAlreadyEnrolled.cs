namespace BsiLedger.Domain.Devices.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.device-already-enrolled")]
public sealed record DeviceAlreadyEnrolled([property: Id(0)] string DeviceId)
    : DomainError($"device '{DeviceId}' is already enrolled: a device id is enrolled once; change its settings or update its OS instead");
