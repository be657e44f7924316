using System.Net;
using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary><c>/releases</c>: publish, plan, start, pause, resume, recall and status, as the CLI's release commands.</summary>
public sealed class ReleaseRouteTests(ApiServerFixture server) : ApiTest(server)
{
    [Fact]
    public async Task A_published_release_is_read_back_by_its_url_encoded_id()
    {
        var (release, _) = NewRelease();
        using var response = await Post(Operator, "/releases", new { id = release, components = new[] { "Safari", "WebKit" }, cves = new[] { "CVE-2026-20001" }, activation = "relaunch" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/releases/{Uri.EscapeDataString(release)}", response.Headers.Location?.OriginalString);

        var status = await Expect(HttpStatusCode.OK, Get(Auditor, $"/releases/{Route(release)}"));
        Assert.Equal(release, status.GetProperty("release").GetString());
        Assert.Equal("relaunch", status.GetProperty("activation").GetString());
        Assert.Equal(["Safari", "WebKit"], status.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        // Clients that escape parentheses too reach the same release.
        var escaped = await Expect(HttpStatusCode.OK, Get(Auditor, $"/releases/{Uri.EscapeDataString(release)}"));
        Assert.Equal(release, escaped.GetProperty("release").GetString());
    }

    [Fact]
    public async Task Publishing_again_with_the_same_facts_changes_nothing_and_other_facts_are_a_conflict()
    {
        var (release, _) = NewRelease();
        await Publish(release);

        var again = await Expect(HttpStatusCode.OK, Post(Operator, "/releases", new { id = release, components = new[] { "WebKit" } }));
        Assert.Equal("unchanged", again.GetProperty("status").GetString());

        var other = await Expect(HttpStatusCode.Conflict, Post(Operator, "/releases", new { id = release, components = new[] { "Safari" } }));
        AssertProblem(other, "ReleaseAlreadyPublished");
        Assert.Equal(release, other.GetProperty("release").GetString());
        Assert.Equal(1, await RowsAsync(release));
    }

    [Fact]
    public async Task A_rollout_is_planned_started_paused_resumed_and_recalled()
    {
        var (release, _) = NewRelease();
        await Publish(release);
        var path = $"/releases/{Route(release)}";

        var plan = new { waves = new[] { new { share = 0.1, soak = "24h", failureThreshold = 0.05 }, new { share = 1.0, soak = "0h", failureThreshold = 0.02 } }, minSample = 10 };
        await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/plan", plan));
        var started = await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/start"));
        Assert.Equal("StartRollout", started.GetProperty("command").GetString());
        Assert.Equal("running", started.GetProperty("rollout").GetProperty("phase").GetString());

        await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/pause"));
        AssertProblem(await Expect(HttpStatusCode.Conflict, Post(Operator, $"{path}/pause")), "RolloutNotRunning");
        await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/resume"));

        var recalled = await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/recall", new { reason = "breaks sign-in pages" }));
        Assert.Equal("recalled", recalled.GetProperty("rollout").GetProperty("phase").GetString());
        var status = await Expect(HttpStatusCode.OK, Get(Auditor, path));
        Assert.Equal("breaks sign-in pages", status.GetProperty("recall").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_paced_plan_takes_the_scenario_file_s_pacing_fields_and_reads_them_back()
    {
        var (release, _) = NewRelease();
        await Publish(release);
        var path = $"/releases/{Route(release)}";
        var plan = new
        {
            waves = new object[]
            {
                new { share = 0.1, soak = "48h", failureThreshold = 0.03, pacing = new { ratePerHour = 200, rampFactor = 2, rampEvery = 100, rampOn = "offers", maxPerHour = 5000 } },
                new { share = 1.0, soak = "24h", failureThreshold = 0.03, pacing = new { spreadOver = "12h" } },
            },
            minSample = 10,
        };

        await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/plan", plan));

        var waves = (await Expect(HttpStatusCode.OK, Get(Auditor, path))).GetProperty("plan").GetProperty("waves");
        var first = waves[0].GetProperty("pacing");
        Assert.Equal((200.0, 2.0, 100, "offers", 5000.0), (first.GetProperty("ratePerHour").GetDouble(), first.GetProperty("rampFactor").GetDouble(),
            first.GetProperty("rampEvery").GetInt32(), first.GetProperty("rampOn").GetString(), first.GetProperty("maxPerHour").GetDouble()));
        Assert.Equal("12h", waves[1].GetProperty("pacing").GetProperty("spreadOver").GetString());
    }

    [Theory]
    [InlineData("""{ "ratePerHour": 0 }""", "waves", "wave 1: pacing.ratePerHour: 0 is not above 0 offers per hour")]
    [InlineData("""{ "ratePerHour": 100, "rampFactor": 1, "rampEvery": 10 }""", "waves", "wave 1: pacing.rampFactor: 1 does not raise the rate")]
    [InlineData("""{ "ratePerHour": 100, "maxPerHour": 50 }""", "waves", "wave 1: pacing.maxPerHour: 50 is under the starting rate of 100 per hour")]
    [InlineData("""{ "spreadOver": "3d" }""", "waves", "wave 1: pacing.spreadOver: 3d is longer than the wave's soak of 2d")]
    [InlineData("""{ "ratePerHour": 100, "rampOn": "installs" }""", "waves[0].pacing.rampOn", "'installs' is not what a ramp counts")]
    [InlineData("""{ "ratePerHour": 100, "burst": 5 }""", "waves[0].pacing.burst", "")]
    public async Task A_bad_pacing_is_400_naming_the_wave_and_the_field_and_plans_nothing(string pacing, string field, string detail)
    {
        var (release, _) = NewRelease();
        await Publish(release);
        var body = $$"""{"waves":[{"share":0.1,"soak":"48h","failureThreshold":0.03,"pacing":{{pacing}}},{"share":1.0,"soak":"0h","failureThreshold":0.03}],"minSample":10}""";

        var problem = await Expect(HttpStatusCode.BadRequest, PostText(Operator, $"/releases/{Route(release)}/plan", body));

        AssertProblem(problem, "BadInput", field);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await RowsAsync(release));
    }

    [Fact]
    public async Task Each_wave_gives_the_attempts_and_failure_rate_its_halt_rule_judges()
    {
        var (release, os) = NewRelease();
        string[] fleet = [.. Enumerable.Range(0, 4).Select(_ => UniqueIds.Device("tallied"))];
        foreach (var device in fleet)
        {
            await Enroll(device, os);
        }

        await Publish(release);
        // Reported before the rollout starts, so the wave's tally at its start counts them and no timer need run.
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[0]}/install", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[0]}/apply", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[1]}/install", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[2]}/fail", new { release, reason = "staging failed" }));
        var path = $"/releases/{Route(release)}";
        await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/plan", new { waves = new[] { new { share = 1.0, soak = "24h", failureThreshold = 0.5 } }, minSample = 10 }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/start"));

        var wave = (await Expect(HttpStatusCode.OK, Get(Auditor, path))).GetProperty("waves")[0];

        Assert.Equal((2, 1), (wave.GetProperty("installed").GetInt32(), wave.GetProperty("failed").GetInt32()));
        Assert.Equal(3, wave.GetProperty("attempts").GetInt32());
        Assert.Equal(1.0 / 3, wave.GetProperty("failureRate").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task A_running_wave_counts_its_devices_reports_as_they_come_in_before_it_completes()
    {
        var (release, path, fleet) = await StartRunningWaveAsync("live");
        var offered = (await Expect(HttpStatusCode.OK, Get(Auditor, path))).GetProperty("waves")[0];
        await ReportInstalledAppliedAndFailedAsync(release, fleet);

        var wave = await LiveWaveAsync(path, w => w.GetProperty("attempts").GetInt32() == 3);

        Assert.Equal((4, 0, 0, 0, 4), Counts(offered));
        Assert.Equal((4, 2, 1, 1, 1), Counts(wave));
        Assert.Equal(1.0 / 3, wave.GetProperty("failureRate").GetDouble(), 1e-12);
        Assert.Equal(JsonValueKind.Null, wave.GetProperty("completedAt").ValueKind);
        Assert.False(wave.GetProperty("halted").GetBoolean());
    }

    [Fact]
    public async Task Reading_a_release_takes_none_of_its_due_steps()
    {
        var (release, _) = NewRelease();
        await Publish(release);
        var path = $"/releases/{Route(release)}";
        var plan = new { waves = new[] { new { share = 0.5, soak = "0h", failureThreshold = 0.5 }, new { share = 1.0, soak = "0h", failureThreshold = 0.5 } }, minSample = 10 };
        await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/plan", plan));
        await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/start"));
        var rows = await RowsAsync(release);

        var status = await Expect(HttpStatusCode.OK, Get(Auditor, path));

        // The first wave's soak is over at once, but only the silo's timer may end it.
        Assert.Equal(1, status.GetProperty("waves").GetArrayLength());
        Assert.Equal(rows, await RowsAsync(release));
    }

    [Fact]
    public async Task An_unknown_release_is_404_with_the_CLIs_error_name()
    {
        var (release, _) = NewRelease();
        AssertProblem(await Expect(HttpStatusCode.NotFound, Get(Auditor, $"/releases/{Route(release)}")), "ReleaseNotPublished");
        AssertProblem(await Expect(HttpStatusCode.NotFound, Post(Operator, $"/releases/{Route(release)}/start")), "ReleaseNotPublished");
        Assert.Equal(0, await RowsAsync(release));
    }

    [Fact]
    public async Task Starting_without_a_plan_is_a_conflict_with_the_release_state()
    {
        var (release, _) = NewRelease();
        await Publish(release);
        AssertProblem(await Expect(HttpStatusCode.Conflict, Post(Operator, $"/releases/{Route(release)}/start")), "RolloutNotPlanned");
        Assert.Equal(1, await RowsAsync(release));
    }

    /// <summary>The release's first wave once <paramref name="reached"/> holds of it, read until it does for 10 s at most.</summary>
    private async Task<JsonElement> LiveWaveAsync(string path, Func<JsonElement, bool> reached)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var wave = (await Expect(HttpStatusCode.OK, Get(Auditor, path))).GetProperty("waves")[0];
            if (reached(wave) || DateTime.UtcNow > deadline)
            {
                return wave;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static (int Targeted, int Installed, int Applied, int Failed, int Awaiting) Counts(JsonElement wave) =>
        (wave.GetProperty("targeted").GetInt32(), wave.GetProperty("installed").GetInt32(), wave.GetProperty("applied").GetInt32(),
            wave.GetProperty("failed").GetInt32(), wave.GetProperty("awaiting").GetInt32());
}
