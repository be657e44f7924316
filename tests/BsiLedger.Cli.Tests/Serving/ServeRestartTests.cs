using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using BsiLedger.Domain.Releases;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.Cli.Tests.Serving;

/// <summary>
/// <c>kill -9</c> of a serving silo in the middle of a wave, then a new one on the same database: the rollout carries on by
/// itself to the outcome an uninterrupted one has, every wave started and completed exactly once, and every command the
/// killed process acknowledged is in the ledger exactly once.
/// </summary>
public sealed class ServeRestartTests(PostgresFixture postgres)
{
    private const int Devices = 1200;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    private static readonly double[] Shares = [0.1, 0.3, 0.6, 1.0];

    private static readonly string[] Components = ["WebKit"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_silo_killed_as_a_wave_goes_out_and_restarted_finishes_the_rollout_as_an_uninterrupted_one_would(int killedInWave)
    {
        // A database of its own: the restarted silo wakes every release it finds, and must find no other test's.
        var database = await postgres.CreateDatabaseAsync();
        var line = UniqueIds.BaseVersion();
        var release = ReleaseId.Parse($"iOS {line} (a)");
        var fleet = Enumerable.Range(0, Devices).Select(i => $"fleet-{i:D5}").ToArray();
        var acknowledged = new ConcurrentBag<string>();
        var attempted = new ConcurrentBag<string>();
        List<(string Type, int Wave)> atKill;

        await using (var first = await ServedBsi.StartAsync(database, Tick))
        {
            await Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct }, async (id, ct) =>
                Assert.True(await EnrollAsync(first.Http, id, line, ct), $"enrolling {id} failed:\n{first.Stderr}"));
            await CommandAsync(first.Http, "/releases", new { id = release.ToString(), components = Components });
            await CommandAsync(first.Http, $"/releases/{Escaped(release)}/plan", new
            {
                waves = Shares.Select(share => new { share, soak = "1s", failureThreshold = 0.5 }),
                minSample = 10,
            });
            await CommandAsync(first.Http, $"/releases/{Escaped(release)}/start", null);

            // Enrolments of devices outside the rollout go on until the kill: each one acknowledged must survive it.
            using var stop = new CancellationTokenSource();
            var reports = ReportUntilStoppedAsync(first.Http, line, attempted, acknowledged, stop.Token);
            await WaitForAsync(database, release, events => events.Contains(("bsi.wave-completed", killedInWave - 1)));
            first.Kill();
            atKill = await ReleaseEventsAsync(database, release);
            await stop.CancelAsync();
            await reports;
        }

        var restarted = System.Diagnostics.Stopwatch.StartNew();
        await using var second = await ServedBsi.StartAsync(database, Tick);
        // Only the database is read: a request about the release would itself wake its grain.
        await WaitForAsync(database, release, events => events.Count > atKill.Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"killed after {atKill.Count} release events; the next was appended {restarted.Elapsed.TotalSeconds:F1} s after the restart began");
        var waves = await WaitForAsync(database, release, events => events.Contains(("bsi.wave-completed", Shares.Length - 1)));

        Assert.Equal(Expected(), waves);
        Assert.Equal(ExpectedTargets(release, fleet), await TargetedAsync(database, release));
        Assert.NotEmpty(acknowledged);
        Assert.All(acknowledged, id => Assert.Equal(1, StoredRows.CountAsync(database, id).GetAwaiter().GetResult()));
        Assert.All(attempted, id => Assert.InRange(StoredRows.CountAsync(database, id).GetAwaiter().GetResult(), 0, 1));
        Assert.All(fleet.Take(100), id => Assert.Equal(1, StoredRows.CountAsync(database, id).GetAwaiter().GetResult()));
        var verify = await Bsi.RunAsync(["audit", "verify", "--connection", database, "--telemetry", "none"]);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    private static List<(string Type, int Wave)> Expected() =>
    [
        ("bsi.release-published", -1),
        ("bsi.rollout-planned", -1),
        .. Enumerable.Range(0, Shares.Length).SelectMany(wave => new[] { ("bsi.wave-started", wave), ("bsi.wave-completed", wave) }),
    ];

    /// <summary>Each wave's slice, from the cohort positions alone: what any run, interrupted or not, must target.</summary>
    private static List<int> ExpectedTargets(ReleaseId release, string[] fleet) =>
        [.. Shares.Select((share, wave) => fleet.Count(id => Cohort.Position(release, id) is var p && p >= (wave == 0 ? 0 : Shares[wave - 1]) && p < share))];

    private static async Task<bool> EnrollAsync(HttpClient http, string id, string line, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/devices", new { id, platform = "iOS", os = line }, ct);
        return response.IsSuccessStatusCode;
    }

    private static async Task CommandAsync(HttpClient http, string path, object? body)
    {
        using var response = await http.PostAsJsonAsync(path, body ?? new { }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static async Task ReportUntilStoppedAsync(
        HttpClient http, string line, ConcurrentBag<string> attempted, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        // Another base version: these devices are not in the rollout's line, so they change none of its tallies.
        var other = UniqueIds.BaseVersion();
        while (other == line)
        {
            other = UniqueIds.BaseVersion();
        }

        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var id = $"late-{i:D5}-{Guid.NewGuid().ToString("N")[..6]}";
            attempted.Add(id);
            try
            {
                if (await EnrollAsync(http, id, other, CancellationToken.None))
                {
                    acknowledged.Add(id);
                }
            }
            catch (HttpRequestException)
            {
                // The server died under this request: its outcome is unknown, so it may be there once or not at all.
            }
        }
    }

    private static async Task<List<(string Type, int Wave)>> WaitForAsync(string database, ReleaseId release, Func<List<(string Type, int Wave)>, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(120);
        var events = await ReleaseEventsAsync(database, release);
        while (!done(events) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
            events = await ReleaseEventsAsync(database, release);
        }

        Assert.True(done(events), $"the release's stream stopped at: {string.Join(", ", events)}");
        return events;
    }

    private static async Task<List<(string Type, int Wave)>> ReleaseEventsAsync(string database, ReleaseId release)
    {
        var events = new List<(string, int)>();
        await foreach (var (type, data) in ReleaseRowsAsync(database, release))
        {
            events.Add((type, data.TryGetProperty("Wave", out var wave) ? wave.GetInt32() : -1));
        }

        return events;
    }

    private static async Task<List<int>> TargetedAsync(string database, ReleaseId release)
    {
        var targeted = new List<int>();
        await foreach (var (type, data) in ReleaseRowsAsync(database, release))
        {
            if (type == "bsi.wave-started")
            {
                targeted.Add(data.GetProperty("Tally").GetProperty("Targeted").GetInt32());
            }
        }

        return targeted;
    }

    private static async IAsyncEnumerable<(string Type, JsonElement Data)> ReleaseRowsAsync(string database, ReleaseId release)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select type, data::text from bsiledger.mt_events where stream_id = @id order by version", connection);
        command.Parameters.AddWithValue("id", release.ToString());
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            using var data = JsonDocument.Parse(reader.GetString(1));
            yield return (reader.GetString(0), data.RootElement.Clone());
        }
    }

    private static string Escaped(ReleaseId release) => Uri.EscapeDataString(release.ToString());
}
