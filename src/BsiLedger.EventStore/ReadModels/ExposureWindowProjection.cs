using BsiLedger.Domain.Devices.Events;
using BsiLedger.EventStore.Marten;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql.Tables;

namespace BsiLedger.EventStore.ReadModels;

/// <summary>
/// Opens a row at each <c>BsiApplied</c> and closes it at the event that ends the device's exposure. Closing needs to
/// know which release a device runs, which only the superseding <c>BsiApplied</c>'s predecessor knows; plain SQL in
/// the daemon's batch (in event order, one transaction with the progression) closes "the device's open window"
/// without loading anything.
/// </summary>
public sealed partial class ExposureWindowProjection : EventProjection
{
    public const string Projection = "ExposureWindows";

    public const string TableName = $"{LedgerStoreOptions.Schema}.bsi_exposure_windows";

    public ExposureWindowProjection()
    {
        Name = Projection;
        var table = new Table(TableName);
        table.AddColumn<string>("device_id").AsPrimaryKey();
        table.AddColumn<string>("release").AsPrimaryKey();
        table.AddColumn<long>("applied_version").AsPrimaryKey();
        table.AddColumn<DateTimeOffset>("from_at").NotNull();
        table.AddColumn<DateTimeOffset>("to_at").AllowNulls();
        table.AddColumn<long>("ended_version").AllowNulls();
        table.AddColumn<string>("ending").AllowNulls();
        table.AddColumn<string>("recall_id").AllowNulls();
        table.AddColumn<string>("correlation_id").AllowNulls();
        // `bsi audit exposed RELEASE` reads one release's rows out of every device's.
        table.Indexes.Add(new IndexDefinition("ix_bsi_exposure_windows_release").AgainstColumns("release"));
        SchemaObjects.Add(table);
        Options.DeleteDataInTableOnTeardown(table.Identifier.QualifiedName);
    }

    public static void Project(IEvent<BsiApplied> e, IDocumentOperations ops)
    {
        Close(ops, e, e.Data.DeviceId, e.Data.At, ExposureEnding.Superseded);
        ops.QueueSqlCommand(
            $"insert into {TableName} (device_id, release, applied_version, from_at) values (?, ?, ?, ?) on conflict do nothing",
            e.Data.DeviceId, e.Data.Release.ToString(), e.Version, e.Data.At);
    }

    public static void Project(IEvent<BsiUninstalled> e, IDocumentOperations ops) =>
        Close(ops, e, e.Data.DeviceId, e.Data.At, ExposureEnding.Removed);

    public static void Project(IEvent<OsUpdated> e, IDocumentOperations ops) =>
        Close(ops, e, e.Data.DeviceId, e.Data.At, ExposureEnding.OsUpdated);

    // A withdrawal of a release that was only staged leaves the applied one running: only its own window closes.
    public static void Project(IEvent<BsiWithdrawn> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"update {TableName} set to_at = ?, ended_version = ?, ending = ?, recall_id = ?, correlation_id = ? "
            + "where device_id = ? and release = ? and to_at is null",
            e.Data.At, e.Version, nameof(ExposureEnding.Withdrawn), e.Data.RecallId, e.CorrelationId ?? e.Data.RecallId,
            e.Data.DeviceId, e.Data.Release.ToString());

    private static void Close(IDocumentOperations ops, IEvent e, string deviceId, DateTimeOffset at, ExposureEnding ending) =>
        ops.QueueSqlCommand(
            $"update {TableName} set to_at = ?, ended_version = ?, ending = ?, correlation_id = ? where device_id = ? and to_at is null",
            at, e.Version, ending.ToString(), e.CorrelationId ?? "", deviceId);
}
