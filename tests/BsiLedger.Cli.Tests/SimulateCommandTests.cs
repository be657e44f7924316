using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

public sealed class SimulateCommandTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Simulate_writes_a_report_with_every_field_the_contract_lists()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-sim-").FullName;

        var run = await Bsi.RunAsync(["simulate", "--devices", "400", "--seed", "7", "--out", output, "--json", "--connection", connection, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(JsonValueKind.Object, run.Json().ValueKind);
        Assert.Equal(400, report.GetProperty("devices").GetInt32());
        Assert.Equal(1, report.GetProperty("silos").GetInt32());
        Assert.Equal(await StoredRows.TotalAsync(connection), report.GetProperty("eventsAppended").GetInt64());
        foreach (var field in new[] { "wallSeconds", "eventsPerSecond", "peakWorkingSetBytes" })
        {
            Assert.True(report.GetProperty(field).GetDouble() > 0, field);
        }

        var releases = report.GetProperty("releases").EnumerateArray().ToArray();
        Assert.NotEmpty(releases);
        foreach (var release in releases)
        {
            var wave = release.GetProperty("waves")[0];
            foreach (var field in new[] { "index", "share", "startedAt", "completedAt", "targeted", "installed", "applied", "failed" })
            {
                Assert.True(wave.TryGetProperty(field, out _), field);
            }

            foreach (var reason in new[] { "autoInstallOff", "mdmForbids", "ineligible", "offline" })
            {
                Assert.True(wave.GetProperty("skipped").TryGetProperty(reason, out _), reason);
            }

            Assert.True(release.TryGetProperty("halted", out _));
            Assert.True(release.TryGetProperty("recall", out _));
        }

        var recall = releases.Single(r => r.GetProperty("recall").ValueKind == JsonValueKind.Object).GetProperty("recall");
        foreach (var field in new[] { "issuedAt", "completedAt", "exposed", "withdrawn", "pending" })
        {
            Assert.True(recall.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Simulate_writes_report_md_and_two_charts_that_agree_with_report_json()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-sim-").FullName;

        var run = await Bsi.RunAsync(["simulate", "--devices", "20000", "--out", output, "--connection", connection, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var ct = TestContext.Current.CancellationToken;
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), ct)).RootElement;
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), ct);
        var start = report.GetProperty("domainStart").GetDateTimeOffset();
        string Since(JsonElement at) => string.Create(CultureInfo.InvariantCulture, $"T+{(at.GetDateTimeOffset() - start).TotalHours:0.#}h");

        Assert.Contains(Invariant($"| Devices | {report.GetProperty("devices").GetInt32():N0} ("), markdown, StringComparison.Ordinal);
        Assert.Contains(Invariant($"| Events appended | {report.GetProperty("eventsAppended").GetInt64():N0} |"), markdown, StringComparison.Ordinal);
        Assert.Contains(Invariant($"| Seed | {report.GetProperty("seed").GetInt32()} |"), markdown, StringComparison.Ordinal);
        var releases = report.GetProperty("releases").EnumerateArray().ToArray();
        foreach (var release in releases)
        {
            var name = release.GetProperty("release").GetString()!;
            var section = Section(markdown, $"## {name}: {release.GetProperty("phase").GetString()}");
            foreach (var wave in release.GetProperty("waves").EnumerateArray())
            {
                var skipped = wave.GetProperty("skipped");
                var row = section.Split('\n').Single(line => line.StartsWith(Invariant($"| {wave.GetProperty("index").GetInt32() + 1} | {Since(wave.GetProperty("startedAt"))} |"), StringComparison.Ordinal));
                Assert.EndsWith(
                    Invariant($"| {Count(wave, "targeted")} | {Count(wave, "installed")} | {Count(wave, "applied")} | {Count(wave, "failed")} | {Count(skipped, "autoInstallOff")} | {Count(skipped, "mdmForbids")} | {Count(skipped, "ineligible")} | {Count(skipped, "offline")} |"),
                    row, StringComparison.Ordinal);
            }

            if (release.GetProperty("halted") is { ValueKind: JsonValueKind.Object } halt)
            {
                Assert.Contains(
                    Invariant($"**Halted** at {Since(halt.GetProperty("at"))} in wave {halt.GetProperty("wave").GetInt32() + 1}: {Count(halt, "failures")} of {Count(halt, "attempts")} install attempts failed ({halt.GetProperty("failureRate").GetDouble() * 100:0.0}%)"),
                    section, StringComparison.Ordinal);
            }

            if (release.GetProperty("recall") is { ValueKind: JsonValueKind.Object } recall)
            {
                Assert.Contains($"**Recalled** at {Since(recall.GetProperty("issuedAt"))}", section, StringComparison.Ordinal);
                Assert.Contains($"| Exposed (held it when recalled) | {Count(recall, "exposed")} |", section, StringComparison.Ordinal);
                Assert.Contains($"| Withdrawn | {Count(recall, "withdrawn")} |", section, StringComparison.Ordinal);
                Assert.Contains($"| Pending | {Count(recall, "pending")} |", section, StringComparison.Ordinal);
                Assert.Contains($"| Completed | {Since(recall.GetProperty("completedAt"))}, ", section, StringComparison.Ordinal);
                Assert.Contains(Invariant($"| Reachable devices withdrawn after (wall) | {report.GetProperty("recallTiming").GetProperty("onlineWithdrawnSeconds").GetDouble():0.00} s |"), section, StringComparison.Ordinal);
            }
        }

        Assert.Contains(releases, r => r.GetProperty("halted").ValueKind == JsonValueKind.Object);
        Assert.Contains(releases, r => r.GetProperty("recall").ValueKind == JsonValueKind.Object);
        foreach (var chart in new[] { "adoption.png", "recall.png" })
        {
            Assert.Contains($"]({chart})", markdown, StringComparison.Ordinal);
            Assert.Equal((1000, 500), PngSize(await File.ReadAllBytesAsync(Path.Combine(output, chart), ct)));
        }
    }

    [Theory]
    [InlineData("--devices", "0", "--devices")]
    [InlineData("--devices", "-5", "--devices")]
    [InlineData("--devices", "many", "--devices")]
    [InlineData("--seed", "1.5", "--seed")]
    [InlineData("--silos", "0", "--silos")]
    [InlineData("--silos", "9", "--silos")]
    public async Task Bad_numbers_are_exit_2_with_the_option_named_and_nothing_appended(string option, string value, string named)
    {
        var connection = await postgres.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-sim-").FullName;

        var run = await Bsi.RunAsync(["simulate", option, value, "--out", output, "--connection", connection, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await StoredRows.TotalAsync(connection));
    }

    [Fact]
    public async Task An_out_path_that_is_a_file_is_exit_2()
    {
        var file = Path.GetTempFileName();

        var run = await Bsi.RunAsync(["simulate", "--devices", "10", "--out", file, "--connection", postgres.ConnectionString, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not json", "not JSON")]
    [InlineData("""{ "fleet": { "devices": 10, "mix": [] }, "releases": [] }""", "seed")]
    [InlineData("""{ "seed": "forty-two", "fleet": { "devices": 10 }, "releases": [] }""", "seed")]
    public async Task A_bad_scenario_file_is_exit_2_naming_what_is_wrong(string content, string named)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("bsi-scenario-").FullName, "scenario.json");
        await File.WriteAllTextAsync(file, content, TestContext.Current.CancellationToken);

        var run = await Bsi.RunAsync(["simulate", "--scenario", file, "--out", Path.GetTempPath(), "--connection", postgres.ConnectionString, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(named, run.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_ledger_that_already_holds_events_is_refused_with_exit_2()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-sim-").FullName;
        Assert.Equal(0, (await Bsi.RunAsync(["simulate", "--devices", "20", "--out", output, "--connection", connection, "--telemetry", "none"])).ExitCode);
        var events = await StoredRows.TotalAsync(connection);

        var again = await Bsi.RunAsync(["simulate", "--devices", "20", "--out", output, "--connection", connection, "--telemetry", "none"]);

        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("empty ledger", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(events, await StoredRows.TotalAsync(connection));
    }

    [Fact]
    public async Task A_database_lost_mid_run_for_longer_than_the_outage_tolerance_is_exit_3_naming_it_and_a_rerun_refuses_to_double_anything()
    {
        // Not CreateTempSubdirectory: its mode 700 would keep the embedded server's own account out.
        var output = Path.Combine(Path.GetTempPath(), "bsi-sim-lost-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var run = Bsi.RunAsync(["simulate", "--devices", "200000", "--out", output, "--telemetry", "none", "--outage-tolerance", "00:00:02"]);
            var (postmaster, events) = await WhenEnrollingAsync(Path.Combine(output, "ledger", "pg"));

            Process.GetProcessById(postmaster).Kill(entireProcessTree: true);
            var lost = await run;

            Assert.True(lost.ExitCode == 3, lost.ToString());
            Assert.Contains("infrastructure error", lost.Stderr, StringComparison.Ordinal);
            Assert.Contains("after waiting 2 s for the database", lost.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("pg_ctl", lost.Stderr.Split('\n').Last(l => l.Contains("error", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(output, "report.json")));

            var again = await Bsi.RunAsync(["simulate", "--devices", "200000", "--out", output, "--telemetry", "none"]);

            Assert.True(again.ExitCode == 2, again.ToString());
            Assert.Matches(@"the ledger already holds [0-9]+ events", again.Stderr);
            var held = long.Parse(Regex.Match(again.Stderr, "holds ([0-9]+) events").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(held, events, 200_000);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The embedded server's process id once the run has appended its first thousand events, and how many it had.</summary>
    private static async Task<(int Postmaster, long Events)> WhenEnrollingAsync(string clusterDirectory)
    {
        var pidFile = Path.Combine(clusterDirectory, "postmaster.pid");
        for (var attempt = 0; attempt < 600; attempt++, await Task.Delay(100))
        {
            if (!File.Exists(pidFile) || File.ReadAllLines(pidFile) is not { Length: > 3 } lines)
            {
                continue;
            }

            var connection = $"Host=127.0.0.1;Port={lines[3]};Username=bsiledger;Database=bsiledger;Pooling=false";
            try
            {
                if (await StoredRows.TotalAsync(connection) is >= 1000 and var events)
                {
                    return (int.Parse(lines[0], CultureInfo.InvariantCulture), events);
                }
            }
            catch (Npgsql.NpgsqlException)
            {
                // Not accepting connections yet, or its database not created yet.
            }
        }

        throw new TimeoutException("the simulation never started appending");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Count(JsonElement element, string property) => element.GetProperty(property).GetInt32().ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A release's part of report.md: from its heading to the next one.</summary>
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"report.md has no '{heading}'");
        var next = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return next < 0 ? markdown[start..] : markdown[start..next];
    }

    /// <summary>The 8-byte PNG signature, then the IHDR chunk with the image's width and height (big-endian).</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24, $"{png.Length} bytes is too short for a PNG");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
