using BsiLedger.Domain;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.LogConsistency;
using BsiLedger.Grains.Telemetry;
using Orleans.EventSourcing;
using Orleans.Providers;

namespace BsiLedger.Grains.Commands;

/// <summary>
/// A grain over one stream that decides against its confirmed state, appends conditionally on the version it
/// decided against, and decides again after a conflict.
/// </summary>
[LogConsistencyProvider(ProviderName = JournalLogViewAdaptorFactory.ProviderName)]
public abstract class DecidingGrain<TView> : JournaledGrain<TView, JournalEvent>
    where TView : class, new()
{
    // Each attempt re-reads the stream, so a retry is always decided against the newest state.
    private const int MaxAttempts = 5;

    /// <summary>
    /// Runs <paramref name="decide"/> (which reads the grain's current state) until its events are appended on
    /// the version it saw, it decides nothing, or a rule refuses.
    /// </summary>
    protected async Task<CommandOutcome> DecideAndAppendAsync<TEvent>(Func<Decision<TEvent>> decide, Provenance provenance)
        where TEvent : notnull
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var decidedAt = Version;
            var decision = decide();
            if (decision.Error is null && decision.Events.Count > 0)
            {
                if (await RaiseConditionalEvents(decision.Events.Select(e => new JournalEvent(e, provenance))))
                {
                    RolloutMetrics.Appended(RuntimeIdentity, decision.Events.Select(e => (object)e));
                    return CommandOutcome.Accepted(Version, decision.Events.Count);
                }

                continue;
            }

            // A refusal or a no-op appends nothing, so nothing has checked the stream: another process may
            // have appended since this activation last read it. Answer only from the newest state.
            await RefreshNow();
            if (Version == decidedAt)
            {
                return decision.Error is { } error ? CommandOutcome.Refused(Version, error) : CommandOutcome.Unchanged(Version);
            }
        }

        throw new ConcurrencyRetriesExhaustedException(this.GetPrimaryKeyString(), MaxAttempts);
    }
}
