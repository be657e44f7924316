namespace BsiLedger.Domain.Devices.Events;

/// <summary>A fact about one device, appended to the device's stream (stream key: the device id).</summary>
public interface IDeviceEvent
{
    string DeviceId { get; }

    /// <summary>Domain time: when it happened on the ledger's clock (virtual in a simulation).</summary>
    DateTimeOffset At { get; }

    Cause Cause { get; }
}
