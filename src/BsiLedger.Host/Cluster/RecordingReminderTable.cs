using Orleans.Runtime;

namespace BsiLedger.Host.Cluster;

/// <summary>
/// The reminder table of a silo that records reminders but fires none: a one-command process's private silo. Its grains
/// register, read and remove their own rows as anywhere else, but the silo's reminder service, which owns the whole ring
/// of its one-silo cluster, finds no rows when it loads its range, so it does not take steps for releases it happens to
/// share the database with (a long-lived silo does that), and it drops its own new registrations at its next refresh.
/// </summary>
public sealed class RecordingReminderTable(IReminderTable table) : IReminderTable
{
    public Task StartAsync(CancellationToken cancellationToken = default) => table.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => table.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => table.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => Task.FromResult(new ReminderTableData());

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => table.ReadRow(grainId, reminderName);

    public Task<string?> UpsertRow(ReminderEntry entry) => table.UpsertRow(entry);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => table.RemoveRow(grainId, reminderName, eTag);

    public Task TestOnlyClearTable() => table.TestOnlyClearTable();
}
