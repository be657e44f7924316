namespace BsiLedger.Domain.Devices.Events;

/// <summary>A fact about one device, appended to the device's stream (stream key: the device id).</summary>
public interface IDeviceEvent : ILedgerEvent
{
    string DeviceId { get; }
}
