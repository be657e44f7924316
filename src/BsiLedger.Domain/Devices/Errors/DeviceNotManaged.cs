namespace BsiLedger.Domain.Devices.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.device-not-managed")]
public sealed record DeviceNotManaged([property: Id(0)] string DeviceId)
    : DomainError($"device '{DeviceId}' is not managed, so an MDM policy has nothing to govern: bring it under management (--managed on) with the policy");
