using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Telemetry;
using Marten;
using Npgsql;

namespace BsiLedger.EventStore.ReadModels;

/// <summary>Reads the exposure-window projection: every device that ran a release, and for how long; or every release a device ran.</summary>
public static class ExposureWindows
{
    private const string Columns = "device_id, release, applied_version, from_at, to_at, ending, recall_id, correlation_id";

    private static readonly string ForReleaseSql = $"""
        select {Columns}
        from {ExposureWindowProjection.TableName}
        where release = @release
        order by from_at, device_id, applied_version
        """;

    // The primary key leads with device_id: one device's rows are found by it.
    private static readonly string ForDeviceSql = $"""
        select {Columns}
        from {ExposureWindowProjection.TableName}
        where device_id = @device
        order by from_at, applied_version, release
        """;

    public static async Task<IReadOnlyList<ExposureWindow>> ForReleaseAsync(IDocumentStore store, ReleaseId release, CancellationToken cancellationToken)
    {
        using var activity = LedgerTelemetry.Source.StartActivity("audit.exposed");
        activity?.SetTag("bsi.release", release.ToString());
        var windows = await ReadAsync(store, ForReleaseSql, "release", release.ToString(), cancellationToken);
        activity?.SetTag("bsi.windows", windows.Count);
        return windows;
    }

    public static async Task<IReadOnlyList<ExposureWindow>> ForDeviceAsync(IDocumentStore store, string device, CancellationToken cancellationToken)
    {
        using var activity = LedgerTelemetry.Source.StartActivity("audit.device-exposure");
        activity?.SetTag("bsi.device", device);
        var windows = await ReadAsync(store, ForDeviceSql, "device", device, cancellationToken);
        activity?.SetTag("bsi.windows", windows.Count);
        return windows;
    }

    private static async Task<IReadOnlyList<ExposureWindow>> ReadAsync(IDocumentStore store, string sql, string parameter, string value, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        await using var command = new NpgsqlCommand(sql);
        command.Parameters.AddWithValue(parameter, value);
        var windows = new List<ExposureWindow>();
        await using var reader = await session.ExecuteReaderAsync(command, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            windows.Add(new ExposureWindow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : Enum.Parse<ExposureEnding>(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return windows;
    }
}
