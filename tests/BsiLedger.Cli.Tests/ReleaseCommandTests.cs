using System.Text.Json;
using BsiLedger.Domain.Releases;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// <c>bsi release …</c> against the test database. Each test has a base version of its own, so its releases and
/// its devices' product line are its own too. No device agent runs: offered devices await their reports, given
/// with <c>bsi device install|fail|apply</c>; soaks are 0h where a wave must end, as a child process's clock cannot be moved.
/// </summary>
public sealed class ReleaseCommandTests(PostgresFixture postgres) : CliTest(postgres)
{
    [Fact]
    public async Task Publish_plan_start_and_status_follow_a_rollout_through_the_devices_reports()
    {
        var os = UniqueIds.BaseVersion();
        var release = $"iOS {os} (a)";
        var devices = new[] { UniqueIds.Device(), UniqueIds.Device(), UniqueIds.Device() };
        foreach (var device in devices)
        {
            await Enroll(device, os);
        }

        var off = UniqueIds.Device();
        await Bsi(0, "device", "enroll", off, "--platform", "iOS", "--os", os, "--auto-install", "off");

        var published = (await Bsi(0, "release", "publish", release, "--components", "Safari,WebKit",
            "--cve", "CVE-2026-20001", "--cve", "CVE-2026-20002", "--activation", "relaunch", "--json")).Json();
        Assert.Equal("accepted", published.GetProperty("status").GetString());
        Assert.Equal(release, published.GetProperty("release").GetString());
        Assert.False(string.IsNullOrEmpty(published.GetProperty("correlationId").GetString()));

        await Bsi(0, "release", "plan", release, "--wave", "50%:0h:100%", "--wave", "100%:0h:100%", "--min-sample", "1");
        var started = (await Bsi(0, "release", "start", release, "--json")).Json();
        Assert.Equal("StartRollout", started.GetProperty("command").GetString());
        var rollout = started.GetProperty("rollout");
        Assert.Equal("running", rollout.GetProperty("phase").GetString());
        var firstWave = Assert.Single(rollout.GetProperty("waves").EnumerateArray());
        var id = ReleaseId.Parse(release);
        Assert.Equal(devices.Append(off).Count(d => Cohort.Position(id, d) < 0.5), firstWave.GetProperty("targeted").GetInt32());

        // The devices report; apply without --activation takes the release's own kind (relaunch).
        await Bsi(0, "device", "install", devices[0], release);
        await Bsi(0, "device", "apply", devices[0], release);
        await Bsi(0, "device", "fail", devices[1], release, "--reason", "not enough space");

        var status = (await Bsi(0, "release", "status", release, "--json")).Json();

        Assert.Equal(release, status.GetProperty("release").GetString());
        Assert.Equal("completed", status.GetProperty("phase").GetString());
        Assert.Equal(["Safari", "WebKit"], status.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, status.GetProperty("cves").GetArrayLength());
        Assert.Equal("relaunch", status.GetProperty("activation").GetString());
        var plan = status.GetProperty("plan");
        Assert.Equal(1, plan.GetProperty("minSample").GetInt32());
        Assert.Equal([0.5, 1.0], plan.GetProperty("waves").EnumerateArray().Select(w => w.GetProperty("share").GetDouble()));
        Assert.Equal("0h", plan.GetProperty("waves")[0].GetProperty("soak").GetString());
        var waves = status.GetProperty("waves").EnumerateArray().ToArray();
        Assert.Equal(2, waves.Length);
        Assert.All(waves, w => Assert.Equal(JsonValueKind.String, w.GetProperty("completedAt").ValueKind));
        Assert.Equal(4, waves.Sum(w => w.GetProperty("targeted").GetInt32()));
        Assert.Equal(1, waves.Sum(w => w.GetProperty("installed").GetInt32()));
        Assert.Equal(1, waves.Sum(w => w.GetProperty("applied").GetInt32()));
        Assert.Equal(1, waves.Sum(w => w.GetProperty("failed").GetInt32()));
        Assert.Equal(1, waves.Sum(w => w.GetProperty("awaiting").GetInt32()));
        Assert.Equal(1, waves.Sum(w => w.GetProperty("skipped").GetProperty("autoInstallOff").GetInt32()));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("halted").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("recall").ValueKind);
        Assert.Equal(await RowsAsync(release), status.GetProperty("version").GetInt64());

        var applied = (await Bsi(0, "audit", "history", devices[0], "--json")).Json().GetProperty("events").EnumerateArray().Last();
        Assert.Equal("bsi.bsi-applied", applied.GetProperty("type").GetString());
        Assert.Equal("relaunch", applied.GetProperty("event").GetProperty("activation").GetString());

        var human = await Bsi(0, "release", "status", release);
        Assert.Contains("completed", human.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped: auto-install off", human.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_commands_in_the_wrong_state_are_exit_1_naming_the_state_and_append_nothing()
    {
        var release = $"iOS {UniqueIds.BaseVersion()} (a)";

        await Refused("ReleaseNotPublished", "has not been published", "start", release);
        await Publish(release);
        await Refused("RolloutNotPlanned", "no rollout plan", "start", release);
        await Bsi(0, "release", "plan", release, "--wave", "0.5%:24h:5%", "--wave", "100%:24h:2%");
        await Refused("RolloutNotPaused", "is planned", "resume", release);
        await Bsi(0, "release", "start", release);
        await Refused("RolloutAlreadyStarted", "it is running", "start", release);
        await Refused("RolloutNotPaused", "is running", "resume", release);
        await Bsi(0, "release", "pause", release);
        await Refused("RolloutNotRunning", "is paused", "pause", release);
        await Refused("RolloutAlreadyStarted", "it is paused", "plan", release, "--wave", "100%:0h:5%");
        await Bsi(0, "release", "recall", release, "--reason", "breaks sign-in pages");
        await Refused("ReleaseAlreadyRecalled", "was recalled", "recall", release, "--reason", "again");
        await Refused("ReleaseAlreadyRecalled", "was recalled", "resume", release);
    }

    [Fact]
    public async Task A_recall_run_again_with_its_command_id_is_exit_0_with_the_first_outcome()
    {
        var release = $"iOS {UniqueIds.BaseVersion()} (a)";
        await Publish(release);
        var key = Guid.NewGuid().ToString("N");

        var first = (await Bsi(0, "release", "recall", release, "--reason", "breaks sign-in pages", "--command-id", key, "--json")).Json();
        var rows = await RowsAsync(release);
        var again = (await Bsi(0, "release", "recall", release, "--reason", "breaks sign-in pages", "--command-id", key, "--json")).Json();

        Assert.Equal(first.GetProperty("version").GetInt32(), again.GetProperty("version").GetInt32());
        Assert.Equal(("accepted", key), (again.GetProperty("status").GetString(), again.GetProperty("correlationId").GetString()));
        Assert.Equal(rows, await RowsAsync(release));
        await Refused("ReleaseAlreadyRecalled", "was recalled", "recall", release, "--reason", "breaks sign-in pages");
    }

    [Fact]
    public async Task Planning_or_asking_after_an_unpublished_release_is_exit_1_ReleaseNotPublished()
    {
        var release = $"iOS {UniqueIds.BaseVersion()} (a)";

        var plan = await Bsi(1, "release", "plan", release, "--wave", "1%:24h:5%", "--wave", "100%:0h:2%");
        var status = (await Bsi(1, "release", "status", release, "--json")).Json();

        Assert.StartsWith("ReleaseNotPublished:", plan.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Equal("ReleaseNotPublished", status.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, await RowsAsync(release));
    }

    /// <summary>Runs a command a rule must refuse: exit 1, the typed error then its message naming the state, nothing appended.</summary>
    private async Task Refused(string error, string names, params string[] args)
    {
        var release = args[1];
        var before = await RowsAsync(release);

        var run = await Bsi(1, ["release", .. args]);

        Assert.StartsWith(error + ":", run.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Contains(names, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync(release));
    }
}
