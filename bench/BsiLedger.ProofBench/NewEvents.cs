using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;

namespace BsiLedger.ProofBench;

/// <summary>Appends devices of three events each (enrolled, installed twice) through the journal, as the grains would.</summary>
public static class NewEvents
{
    private static readonly DateTimeOffset At = new(2026, 3, 17, 9, 0, 0, TimeSpan.Zero);

    public static async Task AppendAsync(string connectionString, string prefix, int events, CancellationToken ct)
    {
        using var store = LedgerStoreOptions.CreateStore(connectionString);
        await using var journal = new MartenEventJournal(store, new JournalOptions());
        var devices = (events + 2) / 3;
        await Parallel.ForEachAsync(Enumerable.Range(0, devices), new ParallelOptions { MaxDegreeOfParallelism = 512, CancellationToken = ct }, async (i, token) =>
        {
            var id = $"{prefix}-{i}";
            var provenance = Provenance.NewCommand();
            var head = await journal.AppendAsync(id, StreamHead.Empty,
                [new JournalEvent(new DeviceEnrolled(id, Platform.iOS, "iPhone18,1", OsVersion.Parse("26.3.1"), true, false, MdmPolicy.None, At, Cause.Operator("proof-bench")), provenance)],
                token);
            await journal.AppendAsync(id, head,
            [
                new JournalEvent(new BsiInstalled(id, ReleaseId.Parse("iOS 26.3.1 (a)"), At.AddHours(1), Cause.Device(id)), provenance),
                new JournalEvent(new BsiInstalled(id, ReleaseId.Parse("iOS 26.3.1 (b)"), At.AddHours(2), Cause.Device(id)), provenance),
            ], token);
        });
    }
}
