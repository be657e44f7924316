using System.Globalization;
using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// <c>audit at</c> answers in domain time: the instants asked about are taken from the device's own history
/// (<c>audit history</c>), so each one falls before, between or after the events it is about.
/// </summary>
public sealed class AuditAtTests(PostgresFixture postgres) : CliTest(postgres)
{
    [Fact]
    public async Task At_shows_the_device_before_install_between_install_and_apply_after_apply_and_after_withdrawal()
    {
        var (id, release) = await DeviceThroughRecallAsync();
        var at = await DomainTimesAsync(id);

        var beforeEnrolment = await AtAsync(id, Instant(at[0].AddSeconds(-1)));
        var beforeInstall = await AtAsync(id, Instant(at[0]));
        var staged = await AtAsync(id, Instant(Midway(at[1], at[2])));
        var applied = await AtAsync(id, Instant(at[2]));
        var withdrawn = await AtAsync(id, Instant(at[3].AddSeconds(1)));

        Assert.False(beforeEnrolment.GetProperty("enrolled").GetBoolean());
        Assert.Equal(("iOS", (string?)null, (string?)null), Ran(beforeInstall));
        Assert.Equal(("iOS", (string?)null, release), Ran(staged));
        Assert.Equal(("iOS", release, (string?)null), Ran(applied));
        Assert.Equal(("iOS", (string?)null, (string?)null), Ran(withdrawn));
        Assert.Equal([1, 2, 3, 4], new[] { beforeInstall, staged, applied, withdrawn }.Select(a => a.GetProperty("streamVersion").GetInt32()));
    }

    [Fact]
    public async Task At_a_version_shows_the_state_after_that_event()
    {
        var (id, release) = await DeviceThroughRecallAsync();

        var afterInstall = (await Bsi(0, "audit", "at", id, "--version", "2", "--json")).Json();
        var afterApply = (await Bsi(0, "audit", "at", id, "--version", "3", "--json")).Json();

        Assert.Equal(("iOS", (string?)null, release), Ran(afterInstall));
        Assert.Equal(("iOS", release, (string?)null), Ran(afterApply));
        Assert.Equal(2, afterInstall.GetProperty("streamVersion").GetInt32());
    }

    [Fact]
    public async Task Bad_instants_and_versions_are_exit_2_and_an_unknown_device_is_exit_1()
    {
        var id = UniqueIds.Device();
        await Enroll(id);

        Assert.Contains("ISO-8601", (await Bsi(2, "audit", "at", id, "yesterday")).Stderr, StringComparison.Ordinal);
        Assert.Contains("ISO-8601", (await Bsi(2, "audit", "at", id, "04/03/2026 12:00")).Stderr, StringComparison.Ordinal);
        Assert.Contains("--version", (await Bsi(2, "audit", "at", id, "--version", "0")).Stderr, StringComparison.Ordinal);
        Assert.Contains("not both", (await Bsi(2, "audit", "at", id, "2026-03-04T12:00:00Z", "--version", "1")).Stderr, StringComparison.Ordinal);
        Assert.Contains("--version 1 to --version 1", (await Bsi(2, "audit", "at", id, "--version", "2")).Stderr, StringComparison.Ordinal);
        var unknown = await Bsi(1, "audit", "at", UniqueIds.Device(), "2026-03-04T12:00:00Z");
        Assert.StartsWith("DeviceNotEnrolled:", unknown.Stderr.Trim(), StringComparison.Ordinal);
    }

    /// <summary>Enrolled, staged, applied, then withdrawn by a recall: four events, each from a command of its own.</summary>
    private async Task<(string Id, string Release)> DeviceThroughRecallAsync()
    {
        var os = UniqueIds.BaseVersion();
        var release = $"iOS {os} (a)";
        var id = UniqueIds.Device();
        await Enroll(id, os);
        await Publish(release);
        await Bsi(0, "device", "install", id, release);
        await Bsi(0, "device", "apply", id, release);
        await Bsi(0, "release", "recall", release, "--reason", "breaks sign-in pages");
        return (id, release);
    }

    private async Task<DateTimeOffset[]> DomainTimesAsync(string id)
    {
        var history = (await Bsi(0, "audit", "history", id, "--json")).Json().GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(["bsi.device-enrolled", "bsi.bsi-installed", "bsi.bsi-applied", "bsi.bsi-withdrawn"], history.Select(e => e.GetProperty("type").GetString()));
        return [.. history.Select(e => e.GetProperty("at").GetDateTimeOffset())];
    }

    private async Task<JsonElement> AtAsync(string id, string instant) => (await Bsi(0, "audit", "at", id, instant, "--json")).Json();

    private static (string? Platform, string? Applied, string? Staged) Ran(JsonElement answer) =>
        (answer.GetProperty("platform").GetString(), answer.GetProperty("applied").GetString(), answer.GetProperty("staged").GetString());

    private static DateTimeOffset Midway(DateTimeOffset from, DateTimeOffset to) => from + (to - from) / 2;

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
