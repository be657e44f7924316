using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Telemetry;
using Marten;
using Npgsql;

namespace BsiLedger.EventStore.ReadModels;

/// <summary>Reads the exposure-window projection: every device that ran a release, and for how long.</summary>
public static class ExposureWindows
{
    private static readonly string ForReleaseSql = $"""
        select device_id, release, applied_version, from_at, to_at, ending, recall_id, correlation_id
        from {ExposureWindowProjection.TableName}
        where release = @release
        order by from_at, device_id, applied_version
        """;

    public static async Task<IReadOnlyList<ExposureWindow>> ForReleaseAsync(IDocumentStore store, ReleaseId release, CancellationToken cancellationToken)
    {
        using var activity = LedgerTelemetry.Source.StartActivity("audit.exposed");
        activity?.SetTag("bsi.release", release.ToString());
        await using var session = store.QuerySession();
        await using var command = new NpgsqlCommand(ForReleaseSql);
        command.Parameters.AddWithValue("release", release.ToString());
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

        activity?.SetTag("bsi.windows", windows.Count);
        return windows;
    }
}
