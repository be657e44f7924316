using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// One release's rollout as the ledger holds it: the release's own events, and every device of its line with what it
/// did with the release and when the actual rollout's offers reached it (the device's cohort position against each
/// wave's start, or each batch of a paced wave's offers). Read in three queries, with no grain and no Marten store.
/// </summary>
public sealed class RecordedRollout
{
    private RecordedRollout(IReadOnlyList<IReleaseEvent> events, IReadOnlyList<RecordedDevice> devices)
    {
        Events = events;
        Devices = devices;
        Actual = events.Aggregate(Release.Unpublished(events[0].Release), (release, e) => release.Apply(e));
        Published = events.OfType<ReleasePublished>().Aggregate(Release.Unpublished(events[0].Release), (release, e) => release.Apply(e));
    }

    public IReadOnlyList<IReleaseEvent> Events { get; }

    /// <summary>The release as its history leaves it.</summary>
    public Release Actual { get; }

    /// <summary>The release as published, before any plan: where a replay starts.</summary>
    public Release Published { get; }

    /// <summary>The line's devices, in cohort order.</summary>
    public IReadOnlyList<RecordedDevice> Devices { get; }

    /// <summary>When the rollout started: its first wave's start.</summary>
    public DateTimeOffset Start => Events.OfType<WaveStarted>().First().At;

    /// <summary>The release's history and its line's devices; null when the ledger holds no event of the release.</summary>
    public static async Task<RecordedRollout?> ReadAsync(string connectionString, ReleaseId release, CancellationToken cancellationToken)
    {
        // The release's stream, its line and the reports on it are three reads of their own: side by side, on three
        // connections, the two scans given up if the release turns out to have no history.
        using var scans = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var line = LineAsync(connectionString, release, scans.Token);
        var reports = ReportsAsync(connectionString, release, scans.Token);
        var streams = await StoredStreams.ReadAsync(connectionString, [release.ToString()], cancellationToken);
        var events = streams[release.ToString()].OfType<IReleaseEvent>().ToList();
        if (events.Count == 0)
        {
            await scans.CancelAsync();
            await Task.WhenAll(line, reports).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return null;
        }

        var devices = await line;
        foreach (var (id, type, at) in await reports)
        {
            if (devices.TryGetValue(id, out var device))
            {
                device.Report(type, at);
            }
        }

        var rollout = new RecordedRollout(events, [.. devices.Values.OrderBy(d => d.Position)]);
        rollout.PlaceOffers();
        return rollout;
    }

    private static async Task<Dictionary<string, RecordedDevice>> LineAsync(string connectionString, ReleaseId release, CancellationToken cancellationToken)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, cancellationToken);
        // The device states alone: a device's platform and base version are its line, and one scan beats a join with the registry.
        await using var command = new NpgsqlCommand($"""
            select id, (data ->> 'AutoInstall')::boolean, (data ->> 'Managed')::boolean, data ->> 'MdmPolicy'
            from {LedgerStoreOptions.Schema}.mt_doc_devicestate
            where data ->> 'Platform' = @platform and data ->> 'Os' = @os
            """, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("platform", release.Platform.ToString());
        command.Parameters.AddWithValue("os", release.Base.ToString());
        var devices = new Dictionary<string, RecordedDevice>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            var skip = (reader.GetBoolean(2), reader.GetString(3), reader.GetBoolean(1)) switch
            {
                (true, nameof(MdmPolicy.Forbid), _) => OfferOutcome.MdmForbids,
                (true, _, _) => (OfferOutcome?)null,
                (false, _, false) => OfferOutcome.AutoInstallOff,
                _ => null,
            };
            devices[id] = new RecordedDevice(id, Cohort.Position(release, id), skip);
        }

        return devices;
    }

    /// <summary>Every report on the release and every withdrawal of it, in the order they were stored.</summary>
    private static async Task<List<(string Device, string Type, DateTimeOffset At)>> ReportsAsync(string connectionString, ReleaseId release, CancellationToken cancellationToken)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            select stream_id, type, (data ->> 'At')::timestamptz
            from {LedgerStoreOptions.Schema}.mt_events
            where type = any(@types) and data ->> 'Release' = @release
            order by seq_id
            """, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("types", RecordedDevice.ReportTypes);
        command.Parameters.AddWithValue("release", release.ToString());
        var reports = new List<(string, string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reports.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return reports;
    }

    /// <summary>When the actual rollout's offers reached each device: a wave's start for its whole slice, or the batch of a paced wave that took it.</summary>
    private void PlaceOffers()
    {
        var byPosition = Devices.ToArray();
        var release = Release.Unpublished(Actual.Id);
        foreach (var e in Events)
        {
            var (from, to) = e switch
            {
                WaveStarted started when started.Slice is null => (release.Plan!.ShareBefore(started.Wave), started.Share),
                WaveOffersSent sent => (release.Waves[sent.Wave].ShareAt(release.Plan!.ShareBefore(sent.Wave), release.Waves[sent.Wave].Pacing!.Offered),
                    release.Waves[sent.Wave].ShareAt(release.Plan!.ShareBefore(sent.Wave), sent.Progress.Offered)),
                _ => (0, 0),
            };
            for (var i = StartOf(byPosition, from); i < byPosition.Length && byPosition[i].Position < to; i++)
            {
                byPosition[i].OfferedAt ??= At(e);
            }

            release = release.Apply(e);
        }
    }

    private static int StartOf(RecordedDevice[] byPosition, double position) => Cohort.FirstAtOrPast(byPosition, static d => d.Position, position);

    private static DateTimeOffset At(IReleaseEvent e) => e switch
    {
        WaveStarted started => started.At,
        WaveOffersSent sent => sent.At,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "not an offer"),
    };
}
