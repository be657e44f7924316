using BsiLedger.Domain;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;
using BsiLedger.Testing;

namespace BsiLedger.Grains.Tests;

/// <summary>
/// Sends a command whose append commits and then loses its answer, then sends it again under the same id, as a caller
/// whose connection dropped would: the retry must answer the first outcome and append nothing.
/// </summary>
public static class DroppedAnswer
{
    public static async Task<CommandOutcome> SendTwiceAsync(FlakySilo silo, string stream, Func<Provenance, Task<CommandOutcome>> send)
    {
        var provenance = Provenance.NewCommand();
        var before = await StoredRows.CountAsync(silo.ConnectionString, stream);
        lock (silo.Journal.FailAfterCommit)
        {
            silo.Journal.FailAfterCommit.Add(stream);
        }

        await Assert.ThrowsAsync<JournalUnavailableException>(() => send(provenance));
        var after = await StoredRows.CountAsync(silo.ConnectionString, stream);
        Assert.True(after > before, $"the first attempt on '{stream}' committed nothing");

        var retried = await send(provenance);

        Assert.Equal(CommandOutcome.AcceptedBefore((int)after, (int)(after - before)), retried);
        Assert.Equal(after, await StoredRows.CountAsync(silo.ConnectionString, stream));
        return retried;
    }
}
