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

    public static void Project(IEvent<BsiInstallFailed> e, IDocumentOperations ops) =>
        Report(ops, e.Data.Release, e.Data.DeviceId, InstallReport.Failed);

    public static void Project(IEvent<BsiInstalled> e, IDocumentOperations ops) =>
        Report(ops, e.Data.Release, e.Data.DeviceId, InstallReport.Installed);

    public static void Project(IEvent<BsiApplied> e, IDocumentOperations ops) =>
        Report(ops, e.Data.Release, e.Data.DeviceId, InstallReport.Applied);

    private static void Report(IDocumentOperations ops, ReleaseId release, string deviceId, InstallReport outcome) =>
        ops.QueueSqlCommand(
            $"insert into {TableName} (release, device_id, position, outcome) values (?, ?, ?, ?) "
            + "on conflict (release, device_id) do update set outcome = excluded.outcome",
            release.ToString(), deviceId, Cohort.Position(release, deviceId), (short)outcome);
}
