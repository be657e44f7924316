namespace BsiLedger.Domain.Devices.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.os-downgrade-refused")]
public sealed record OsDowngradeRefused([property: Id(0)] string DeviceId, [property: Id(1)] OsVersion From, [property: Id(2)] OsVersion To)
    : DomainError($"device '{DeviceId}' runs {From}; an OS update goes forward, not to {To}");
