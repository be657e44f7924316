using BsiLedger.EventStore.Marten;
using JasperFx;
using Marten;

namespace BsiLedger.EventStore.Tests.Writer;

/// <summary>
/// The oracle for the set-based writer: an append made through Marten's own session in Rich mode, with the ids,
/// provenance and hash header the journal gives it, and Marten's inline projections writing the read models, as the
/// journal wrote every append before decision 0017.
/// </summary>
internal static class MartenSessionAppends
{
    /// <summary>Appends through a session of its own; false when Marten refused it (a stale version or a collision).</summary>
    public static async Task<bool> TryAppendAsync(IDocumentStore store, PendingAppend append)
    {
        await using var session = store.LightweightSession();
        var data = append.Events.Select(e => e.Data).ToArray();
        var action = append.ExpectedVersion == 0
            ? session.Events.StartStream(append.StreamId, data)
            : session.Events.Append(append.StreamId, append.NewHead.Version, data);
        action.Events[0].Id = append.FirstEventId;
        for (var i = 0; i < append.Events.Count; i++)
        {
            action.Events[i].CorrelationId = append.Events[i].Provenance.CorrelationId;
            action.Events[i].CausationId = append.Events[i].Provenance.CausationId;
            action.Events[i].SetHeader(MartenEventJournal.HashHeader, append.Hashes[i].ToString());
        }

        try
        {
            await session.SaveChangesAsync();
            return true;
        }
        catch (Exception e) when (e is ConcurrencyException or global::Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            return false;
        }
    }
}
