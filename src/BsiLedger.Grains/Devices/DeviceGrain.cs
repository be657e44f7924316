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
            var outcome = await AttemptAsync(command, provenance);
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

    public async Task<DeviceSnapshot> GetState()
    {
        await RefreshNow();
        return new DeviceSnapshot(State.Current, Version);
    }

    /// <summary>The outcome, or null when the stream moved under the decision and it must be made again.</summary>
    private async Task<CommandOutcome?> AttemptAsync(DeviceCommand command, Provenance provenance)
    {
        var decidedAt = Version;
        var decision = DeviceDecider.Decide(State.Current, command, clock.GetUtcNow());
        if (decision.Events.Count > 0)
        {
            return await RaiseConditionalEvents(decision.Events.Select(e => new JournalEvent(e, provenance)))
                ? CommandOutcome.Accepted(Version, decision.Events.Count)
                : null;
        }

        // A refusal or a no-op appends nothing, so nothing has checked the stream: another process may
        // have appended since this activation last read it. Answer only from the newest state.
        await RefreshNow();
        if (Version != decidedAt)
        {
            return null;
        }

        return decision.Error is { } error ? CommandOutcome.Refused(Version, error) : CommandOutcome.Unchanged(Version);
    }

    protected override void TransitionState(DeviceView state, JournalEvent @event) =>
        state.Current = state.Current.Apply((IDeviceEvent)@event.Data);
}
