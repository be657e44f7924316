using BsiLedger.Domain;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;

namespace BsiLedger.Grains.Devices;

/// <summary>One device, keyed by its device id; its events live in the Marten stream of the same id.</summary>
[Alias("bsi.device-grain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>A report from the device or an operator's command on it.</summary>
    [Alias("execute")]
    Task<CommandOutcome> Execute(DeviceCommand command, Provenance provenance);

    [Alias("get-state")]
    Task<DeviceSnapshot> GetState();

    /// <summary>A wave reached the device: skip it (recording why), or deliver the offer if it can be reached.</summary>
    [Alias("offer")]
    Task<OfferOutcome> Offer(ReleaseOffer offer);

    /// <summary>Where the device stands with the release, without changing anything.</summary>
    [Alias("standing")]
    Task<OfferOutcome> Standing(ReleaseId release);

    [Alias("withdraw")]
    Task<RecallOutcome> Withdraw(RecallOrder order);

    /// <summary>An offline device comes back: it gives back recalled releases and takes the offer its cohort is owed.</summary>
    [Alias("check-in")]
    Task<CheckInReport> CheckIn(Provenance provenance);
}
