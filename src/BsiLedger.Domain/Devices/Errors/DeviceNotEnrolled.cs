namespace BsiLedger.Domain.Devices.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.device-not-enrolled")]
public sealed record DeviceNotEnrolled([property: Id(0)] string DeviceId)
    : DomainError($"device '{DeviceId}' is not enrolled: enroll it first with 'bsi device enroll {DeviceId} --platform <platform> --os <version>'");
