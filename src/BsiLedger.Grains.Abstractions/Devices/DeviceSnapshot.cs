using BsiLedger.Domain.Devices;

namespace BsiLedger.Grains.Devices;

/// <summary>A device's confirmed state and the stream version it reflects.</summary>
[GenerateSerializer, Immutable, Alias("bsi.device-snapshot")]
public sealed record DeviceSnapshot([property: Id(0)] Device Device, [property: Id(1)] int Version);
