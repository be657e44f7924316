using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// <c>audit exposed</c> on a ledger built by hand with one device for each way an exposure ends. No daemon runs in
/// these processes: the command catches the projection up itself.
/// </summary>
public sealed class AuditExposedTests(PostgresFixture postgres) : CliTest(postgres)
{
    [Fact]
    public async Task Exposed_lists_every_device_that_ran_the_release_with_what_ended_it_and_the_totals()
    {
        var os = UniqueIds.BaseVersion();
        var (a, b) = ($"iOS {os} (a)", $"iOS {os} (b)");
        var (superseded, removed, updated, withdrawn, stagedOnly) =
            (UniqueIds.Device("sup"), UniqueIds.Device("rem"), UniqueIds.Device("upd"), UniqueIds.Device("wdr"), UniqueIds.Device("stg"));
        foreach (var device in new[] { superseded, removed, updated, withdrawn, stagedOnly })
        {
            await Enroll(device, os);
        }

        await Publish(a);
        await Publish(b);
        foreach (var device in new[] { superseded, removed, updated, withdrawn })
        {
            await Bsi(0, "device", "install", device, a);
            await Bsi(0, "device", "apply", device, a);
        }

        await Bsi(0, "device", "install", stagedOnly, a);
        await Bsi(0, "device", "install", superseded, b);
        await Bsi(0, "device", "apply", superseded, b);
        await Bsi(0, "device", "uninstall", removed);
        await Bsi(0, "device", "os-update", updated, "--to", Newer(os));
        var recallId = (await Bsi(0, "release", "recall", a, "--reason", "breaks sign-in pages", "--json")).Json().GetProperty("correlationId").GetString();

        var exposed = (await Bsi(0, "audit", "exposed", a, "--json")).Json();

        var windows = exposed.GetProperty("windows").EnumerateArray().ToDictionary(w => w.GetProperty("device").GetString()!);
        Assert.Equal(new[] { removed, superseded, updated, withdrawn }.Order(), windows.Keys.Order());
        Assert.Equal("superseded", Ending(windows[superseded]));
        Assert.Equal("removed", Ending(windows[removed]));
        Assert.Equal("osUpdated", Ending(windows[updated]));
        Assert.Equal("withdrawn", Ending(windows[withdrawn]));
        Assert.Equal(recallId, windows[withdrawn].GetProperty("recallId").GetString());
        Assert.All(windows.Values, w => Assert.True(w.GetProperty("to").GetDateTimeOffset() > w.GetProperty("from").GetDateTimeOffset()));
        Assert.All(windows.Values, w => Assert.True(w.GetProperty("durationSeconds").GetDouble() > 0));
        var totals = exposed.GetProperty("totals");
        Assert.Equal((4, 0, 1, 1, 1, 1), (Int(totals, "devices"), Int(totals, "stillExposed"), Int(totals, "withdrawn"), Int(totals, "removed"), Int(totals, "osUpdated"), Int(totals, "superseded")));

        var stillRunning = (await Bsi(0, "audit", "exposed", b, "--json")).Json();
        var open = Assert.Single(stillRunning.GetProperty("windows").EnumerateArray());
        Assert.Equal((superseded, true, JsonValueKind.Null), (open.GetProperty("device").GetString(), open.GetProperty("stillExposed").GetBoolean(), open.GetProperty("to").ValueKind));
        Assert.Equal(1, Int(stillRunning.GetProperty("totals"), "stillExposed"));

        var csv = await Bsi(0, "audit", "exposed", a, "--csv");
        var lines = csv.Stdout.Trim().Split('\n');
        Assert.Equal("device,release,from,to,duration_seconds,ending,recall_id", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"\"{withdrawn}\",", StringComparison.Ordinal) && l.Contains($"Withdrawn,\"{recallId}\"", StringComparison.Ordinal));
        Assert.Contains("4 device(s) exposed", csv.Stderr, StringComparison.Ordinal);

        var text = (await Bsi(0, "audit", "exposed", a)).Stdout;
        Assert.Contains(text.Split('\n'), l => l.StartsWith(withdrawn, StringComparison.Ordinal) && l.EndsWith($"withdrawn by recall {recallId}", StringComparison.Ordinal));
        Assert.Contains("4 device(s) exposed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_release_is_exit_1_and_a_malformed_one_exit_2()
    {
        var unknown = await Bsi(1, "audit", "exposed", $"iOS {UniqueIds.BaseVersion()} (a)");
        Assert.StartsWith("ReleaseNotPublished:", unknown.Stderr.Trim(), StringComparison.Ordinal);
        var malformed = await Bsi(2, "audit", "exposed", "iOS 26.3.1 a");
        Assert.Contains("iOS 26.3.1 (a)", malformed.Stderr, StringComparison.Ordinal);
        await Bsi(2, "audit", "exposed", "iOS 26.3.1 (a)", "--csv", "--json");
    }

    private static string? Ending(JsonElement window) => window.GetProperty("ending").GetString();

    private static int Int(JsonElement totals, string name) => totals.GetProperty(name).GetInt32();

    /// <summary>A base version above <paramref name="os"/>: its first part raised by one.</summary>
    private static string Newer(string os) => $"{int.Parse(os.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) + 1}.0";
}
