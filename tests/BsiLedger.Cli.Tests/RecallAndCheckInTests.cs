using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary>What a recall takes back, and what a device checking in takes: each test on a base version of its own.</summary>
public sealed class RecallAndCheckInTests(PostgresFixture postgres) : CliTest(postgres)
{
    [Fact]
    public async Task A_recall_withdraws_the_release_from_a_device_that_applied_it_and_it_never_installs_again()
    {
        var os = UniqueIds.BaseVersion();
        var release = $"iOS {os} (a)";
        var (holder, other) = (UniqueIds.Device(), UniqueIds.Device());
        await Enroll(holder, os);
        await Enroll(other, os);
        await Publish(release);
        await Bsi(0, "device", "install", holder, release);
        await Bsi(0, "device", "apply", holder, release);

        var recall = (await Bsi(0, "release", "recall", release, "--reason", "breaks sign-in pages", "--json")).Json();

        var recallId = recall.GetProperty("correlationId").GetString();
        var progress = recall.GetProperty("rollout").GetProperty("recall");
        Assert.Equal(recallId, progress.GetProperty("recallId").GetString());
        Assert.Equal(1, progress.GetProperty("exposed").GetInt32());
        Assert.Equal(1, progress.GetProperty("withdrawn").GetInt32());
        Assert.Equal(0, progress.GetProperty("pending").GetInt32());
        Assert.Equal(JsonValueKind.String, progress.GetProperty("completedAt").ValueKind);

        var show = (await Bsi(0, "device", "show", holder, "--json")).Json();
        Assert.Equal(JsonValueKind.Null, show.GetProperty("applied").ValueKind);
        Assert.Equal(JsonValueKind.Null, show.GetProperty("staged").ValueKind);
        var withdrawn = (await Bsi(0, "audit", "history", holder, "--json")).Json().GetProperty("events").EnumerateArray().Last();
        Assert.Equal("bsi.bsi-withdrawn", withdrawn.GetProperty("type").GetString());
        Assert.Equal(release, withdrawn.GetProperty("release").GetString());
        Assert.Equal(recallId, withdrawn.GetProperty("correlationId").GetString());

        var releaseRows = await RowsAsync(release);
        var install = await Bsi(1, "device", "install", other, release);
        Assert.StartsWith("ReleaseRecalled:", install.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Equal(1, await RowsAsync(other));
        Assert.Equal(releaseRows, await RowsAsync(release));
    }

    [Fact]
    public async Task A_device_checking_in_after_its_wave_started_takes_the_offer_its_cohort_is_owed()
    {
        var os = UniqueIds.BaseVersion();
        var release = $"iOS {os} (a)";
        await Publish(release);
        await Bsi(0, "release", "plan", release, "--wave", "100%:24h:5%");
        await Bsi(0, "release", "start", release);
        var (late, off) = (UniqueIds.Device(), UniqueIds.Device());
        await Enroll(late, os);
        await Bsi(0, "device", "enroll", off, "--platform", "iOS", "--os", os, "--auto-install", "off");

        var checkIn = (await Bsi(0, "device", "check-in", late, "--json")).Json();
        var skipped = (await Bsi(0, "device", "check-in", off, "--json")).Json();

        Assert.Equal(late, checkIn.GetProperty("device").GetString());
        Assert.Empty(checkIn.GetProperty("withdrawn").EnumerateArray());
        Assert.Equal(release, checkIn.GetProperty("offered").GetString());
        Assert.Equal("awaiting", checkIn.GetProperty("outcome").GetString());
        Assert.Equal(1, checkIn.GetProperty("version").GetInt32());
        Assert.False(string.IsNullOrEmpty(checkIn.GetProperty("correlationId").GetString()));
        Assert.Equal("autoInstallOff", skipped.GetProperty("outcome").GetString());
        Assert.Equal(2, await RowsAsync(off));
    }
}
