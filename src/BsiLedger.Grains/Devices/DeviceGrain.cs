using System.Diagnostics;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.LogConsistency;
using BsiLedger.EventStore.Telemetry;
using BsiLedger.Grains.Commands;
using Orleans.EventSourcing;
using Orleans.Providers;

namespace BsiLedger.Grains.Devices;

/// <summary>Thin: decide against the confirmed state, append conditionally, re-decide after a conflict.</summary>
[LogConsistencyProvider(ProviderName = JournalLogViewAdaptorFactory.ProviderName)]
public sealed class DeviceGrain(TimeProvider clock) : JournaledGrain<DeviceView, JournalEvent>, IDeviceGrain
{
    // Each attempt re-reads the stream, so a retry is always decided against the newest state.
    private const int MaxAttempts = 5;

    public async Task<CommandOutcome> Execute(DeviceCommand command, Provenance provenance)
    {
        var deviceId = this.GetPrimaryKeyString();
        if (command.DeviceId != deviceId)
        {
            throw new ArgumentException($"command for '{command.DeviceId}' sent to device '{deviceId}'", nameof(command));
        }

        using var activity = LedgerTelemetry.Source.StartActivity($"device {command.GetType().Name}");
        activity?.SetTag("bsi.device", deviceId);
        activity?.SetTag("bsi.correlation_id", provenance.CorrelationId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var decision = DeviceDecider.Decide(State.Current, command, clock.GetUtcNow());
            var outcome = decision switch
            {
                { Error: { } error } => CommandOutcome.Refused(Version, error),
                { Events.Count: 0 } => CommandOutcome.Unchanged(Version),
                _ => await RaiseConditionalEvents(decision.Events.Select(e => new JournalEvent(e, provenance)))
                    ? CommandOutcome.Accepted(Version, decision.Events.Count)
                    : null,
            };
            if (outcome is not null)
            {
                activity?.SetTag("bsi.outcome", outcome.Status.ToString());
                activity?.SetTag("bsi.error", outcome.Error?.Code);
                return outcome;
            }

            activity?.AddEvent(new ActivityEvent("conflict", tags: new() { ["attempt"] = attempt }));
        }

        throw new ConcurrencyRetriesExhaustedException(deviceId, MaxAttempts);
    }

    public Task<DeviceSnapshot> GetState() => Task.FromResult(new DeviceSnapshot(State.Current, Version));

    protected override void TransitionState(DeviceView state, JournalEvent @event) =>
        state.Current = state.Current.Apply((IDeviceEvent)@event.Data);
}
