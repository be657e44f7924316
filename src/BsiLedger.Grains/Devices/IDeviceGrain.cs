using BsiLedger.Domain.Devices.Commands;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;

namespace BsiLedger.Grains.Devices;

/// <summary>One device, keyed by its device id; its events live in the Marten stream of the same id.</summary>
[Alias("bsi.device-grain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    [Alias("execute")]
    Task<CommandOutcome> Execute(DeviceCommand command, Provenance provenance);

    [Alias("get-state")]
    Task<DeviceSnapshot> GetState();
}
