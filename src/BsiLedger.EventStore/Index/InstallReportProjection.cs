using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Marten;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql.Tables;

namespace BsiLedger.EventStore.Index;

/// <summary>
/// A row per device and release that the device reported on (staged, applied, failed), with the device's cohort
/// position in that release's rollout. Inline, in the transaction of the report itself, so a release counting its
/// wave's reports (<see cref="ILedgerIndex.ReportedAsync"/>) sees every report committed before it asked, whichever
/// process stored it.
/// </summary>
public sealed partial class InstallReportProjection : EventProjection
{
    public const string TableName = $"{LedgerStoreOptions.Schema}.bsi_install_reports";

    /// <summary>
    /// The table, created with the ledger's schema (<c>StoreOptions.Storage.ExtendedSchemaObjects</c>) rather than as the
    /// projection's own: Marten checks a projection's own schema objects the first time it runs, inside the append's
    /// transaction, on a second connection; with every other connection of a small pool busy that waited forever.
    /// </summary>
    public static Table Table()
    {
        var table = new Table(TableName);
        table.AddColumn<string>("release").AsPrimaryKey();
        table.AddColumn<string>("device_id").AsPrimaryKey();
        table.AddColumn<double>("position").NotNull();
        table.AddColumn<short>("outcome").NotNull();
        // A wave counts the reports of its cohort range: [previous share, its share).
        table.Indexes.Add(new IndexDefinition("ix_bsi_install_reports_range").AgainstColumns("release", "position"));
        return table;
    }

    /// <summary>Written over a report row already there: a device's later report on a release replaces its earlier one.</summary>
    public const string OnConflict = "on conflict (release, device_id) do update set outcome = excluded.outcome";

    public static void Project(IEvent<BsiInstallFailed> e, IDocumentOperations ops) => Report(ops, e.Data);

    public static void Project(IEvent<BsiInstalled> e, IDocumentOperations ops) => Report(ops, e.Data);

    public static void Project(IEvent<BsiApplied> e, IDocumentOperations ops) => Report(ops, e.Data);

    /// <summary>The report a device event makes on a release, or null for an event that reports on none.</summary>
    public static (ReleaseId Release, string DeviceId, InstallReport Outcome)? ReportOf(object data) => data switch
    {
        BsiInstallFailed e => (e.Release, e.DeviceId, InstallReport.Failed),
        BsiInstalled e => (e.Release, e.DeviceId, InstallReport.Installed),
        BsiApplied e => (e.Release, e.DeviceId, InstallReport.Applied),
        _ => null,
    };

    private static void Report(IDocumentOperations ops, object data)
    {
        var (release, deviceId, outcome) = ReportOf(data)!.Value;
        ops.QueueSqlCommand(
            $"insert into {TableName} (release, device_id, position, outcome) values (?, ?, ?, ?) {OnConflict}",
            release.ToString(), deviceId, Cohort.Position(release, deviceId), (short)outcome);
    }
}
