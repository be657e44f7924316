using BsiLedger.EventStore.Journal;
using Orleans.EventSourcing;
using Orleans.Storage;

namespace BsiLedger.EventStore.LogConsistency;

/// <summary>
/// Orleans' log-consistency provider for the ledger: a journaled grain's events go to the Marten stream
/// named by the grain's key, through the journal seam.
/// </summary>
public sealed class JournalLogViewAdaptorFactory(IEventJournal journal) : ILogViewAdaptorFactory
{
    public const string ProviderName = "Ledger";

    public bool UsesStorageProvider => false;

    public ILogViewAdaptor<TLogView, TLogEntry> MakeLogViewAdaptor<TLogView, TLogEntry>(
        ILogViewAdaptorHost<TLogView, TLogEntry> hostGrain,
        TLogView initialState,
        string grainTypeName,
        IGrainStorage? grainStorage,
        ILogConsistencyProtocolServices services)
        where TLogView : class, new()
        where TLogEntry : class
    {
        if (hostGrain is not ILogViewAdaptorHost<TLogView, JournalEvent> host)
        {
            throw new InvalidOperationException(
                $"{grainTypeName} must be a JournaledGrain<{typeof(TLogView).Name}, {nameof(JournalEvent)}> to use the {ProviderName} provider");
        }

        var streamId = services.GrainId.Key.ToString();
        var adaptor = new JournalLogViewAdaptor<TLogView>(host, initialState, journal, streamId);
        return (ILogViewAdaptor<TLogView, TLogEntry>)(object)adaptor;
    }
}
