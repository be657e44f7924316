using BsiLedger.Domain;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.LogConsistency;
using BsiLedger.Grains.Telemetry;
using Orleans.EventSourcing;
using Orleans.Providers;

namespace BsiLedger.Grains.Commands;

/// <summary>
/// A grain over one stream that decides against its confirmed state, appends conditionally on the version it
/// decided against, and decides again after a conflict. A command whose id (the provenance's causation id) is already
/// in the stream is answered with its first outcome and appends nothing, whatever the rules would say now: a caller
/// that lost the answer and retries must not make the command happen twice (docs/decisions/0012).
/// </summary>
[LogConsistencyProvider(ProviderName = JournalLogViewAdaptorFactory.ProviderName)]
public abstract class DecidingGrain<TView> : JournaledGrain<TView, JournalEvent>
    where TView : class, new()
{
    // Each attempt re-reads the stream, so a retry is always decided against the newest state.
    private const int MaxAttempts = 5;

    private readonly CommandLog _commands = new();

    /// <summary>
    /// Runs <paramref name="decide"/> (which reads the grain's current state) until its events are appended on
    /// the version it saw, it decides nothing, or a rule refuses; or answers the first outcome of the command that
    /// <paramref name="provenance"/> names when it is already in the stream.
    /// </summary>
    protected async Task<CommandOutcome> DecideAndAppendAsync<TEvent>(Func<Decision<TEvent>> decide, Provenance provenance)
        where TEvent : notnull
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // A stale activation may not know the command yet; then the conditional append or the re-read below
            // catches up, and the next attempt finds it.
            if (await FirstOutcomeAsync(provenance.CausationId) is { } first)
            {
                return first;
            }

            var decidedAt = Version;
            var decision = decide();
            if (decision.Error is null && decision.Events.Count > 0)
            {
                bool appended;
                try
                {
                    appended = await RaiseConditionalEvents(JournalEvents(decision.Events, provenance));
                }
                catch (ReleaseRecalledException recalled) when (RefusalOf(recalled) is { } refusal)
                {
                    return CommandOutcome.Refused(Version, refusal);
                }

                if (appended)
                {
                    RolloutMetrics.Appended(RuntimeIdentity, decision.Events);
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

    /// <summary>
    /// What the command <paramref name="commandId"/> did when its events were appended (the version they reached and
    /// how many there were), as far as this activation has read the stream; null when none of its events carries it.
    /// </summary>
    protected async Task<CommandOutcome?> FirstOutcomeAsync(string commandId)
    {
        if (!_commands.TryFind(commandId, out var first, out var last))
        {
            return null;
        }

        var events = await RetrieveConfirmedEvents(first - 1, last);
        var versions = events
            .Select((e, i) => (Event: e, Version: first + i))
            .Where(e => e.Event.Provenance.CausationId == commandId)
            .Select(e => e.Version)
            .ToArray();
        return versions.Length == 0 ? null : CommandOutcome.AcceptedBefore(versions[^1], versions.Length);
    }

    private static JournalEvent[] JournalEvents<TEvent>(IReadOnlyList<TEvent> events, Provenance provenance)
        where TEvent : notnull
    {
        var entries = new JournalEvent[events.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new JournalEvent(events[i], provenance);
        }

        return entries;
    }

    /// <summary>
    /// The refusal to answer when the ledger refused the append because it reports on a recalled release (nothing was
    /// written); null lets the exception through to the caller.
    /// </summary>
    protected virtual DomainError? RefusalOf(ReleaseRecalledException recalled) => null;

    /// <summary>Changes the view by one event of the stream.</summary>
    protected abstract void Apply(TView state, object @event);

    protected sealed override void TransitionState(TView state, JournalEvent @event)
    {
        _commands.Record(@event.Provenance.CausationId);
        Apply(state, @event.Data);
    }
}
