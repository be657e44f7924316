namespace BsiLedger.Domain.Devices.Commands;

/// <summary>Something asked of one device, by the cause named. The grain stamps it with domain time.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.device")]
public abstract record DeviceCommand([property: Id(0)] string DeviceId, [property: Id(1)] Cause Cause);
