using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Tests.Scenarios;

public sealed class ScenarioFileTests
{
    [Fact]
    public void The_design_example_parses_to_what_it_says()
    {
        var scenario = DesignExample.Scenario;

        Assert.Equal(42, scenario.Seed);
        var fleet = scenario.Fleet;
        Assert.Equal(100_000, fleet.Devices);
        Assert.Equal(
            [
                new FleetMix(Platform.iOS, OsVersion.Parse("26.3.1"), "iPhone18,1", 0.6),
                new FleetMix(Platform.macOS, OsVersion.Parse("26.3.2"), "Mac17,2", 0.4),
            ],
            fleet.Mix);
        Assert.Equal((0.05, 0.2, 0.25, 0.10), (fleet.AutoInstallOff, fleet.Managed, fleet.ManagedForbid, fleet.Offline));
        Assert.Equal(TimeSpan.FromHours(6), fleet.CheckInEvery);

        var release = Assert.Single(scenario.Releases);
        Assert.Equal(ReleaseId.Parse("iOS 26.3.1 (a)"), release.Id);
        Assert.Equal(["WebKit"], release.Components);
        Assert.Equal(["CVE-2026-20001"], release.Cves);
        Assert.Equal(Activation.Restart, release.Activation);
        Assert.Null(release.Supersedes);
        Assert.Equal(0.01, release.InstallFailureRate);
        Assert.Equal([new ModelFailureRate("iPhone18,1", 0.3)], release.Failures);
        Assert.Equal(100, release.Plan.MinSample);
        Assert.Equal(
            [
                new WavePlan(0.01, TimeSpan.FromHours(24), 0.05),
                new WavePlan(0.10, TimeSpan.FromHours(48), 0.02),
                new WavePlan(1.00, TimeSpan.Zero, 0.02),
            ],
            release.Plan.Waves);

        Assert.Equal(new RecallSpec(ReleaseId.Parse("iOS 26.3.1 (a)"), TimeSpan.FromHours(60), "breaks sign-in pages"), scenario.Recall);
    }

    [Fact]
    public void Optional_fields_take_their_defaults()
    {
        var scenario = ScenarioFile.Parse("""
            {
              "seed": 7,
              "fleet": { "devices": 10, "mix": [ { "platform": "iPadOS", "os": "26.3", "model": "iPad16,3", "share": 1 } ] },
              "releases": [ { "id": "iPadOS 26.3 (b)", "components": ["Safari"],
                              "plan": { "minSample": 1, "waves": [ { "share": 1, "soak": "0h", "failureThreshold": 0.1 } ] } } ]
            }
            """);

        var fleet = scenario.Fleet;
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (fleet.AutoInstallOff, fleet.Managed, fleet.ManagedForbid, fleet.Offline));
        Assert.Equal(TimeSpan.FromHours(6), fleet.CheckInEvery);
        var release = Assert.Single(scenario.Releases);
        Assert.Empty(release.Cves);
        Assert.Equal(Activation.Restart, release.Activation);
        Assert.Null(release.Supersedes);
        Assert.Equal(0, release.InstallFailureRate);
        Assert.Empty(release.Failures);
        Assert.Null(scenario.Recall);
    }

    [Fact]
    public void An_optional_field_given_as_null_is_absent()
    {
        var scenario = ScenarioFile.Parse(DesignExample.Edited(root =>
        {
            root["recall"] = null;
            root["releases"]![0]!["supersedes"] = null;
            root["fleet"]!["offline"] = null;
        }));

        Assert.Null(scenario.Recall);
        Assert.Null(scenario.Releases[0].Supersedes);
        Assert.Equal(0, scenario.Fleet.Offline);
    }

    [Fact]
    public void Every_optional_field_reads_when_given()
    {
        var scenario = ScenarioFile.Parse(DesignExample.Edited(root =>
        {
            root["releases"]![0]!["id"] = "iOS 26.3.1 (c)";
            root["releases"]![0]!["supersedes"] = "iOS 26.3.1 (b)";
            root["releases"]![0]!["activation"] = "relaunch";
            root["recall"]!["release"] = "iOS 26.3.1 (c)";
            root["fleet"]!["checkInEvery"] = "1d12h";
        }));

        Assert.Equal(ReleaseId.Parse("iOS 26.3.1 (b)"), scenario.Releases[0].Supersedes);
        Assert.Equal(Activation.Relaunch, scenario.Releases[0].Activation);
        Assert.Equal(TimeSpan.FromHours(36), scenario.Fleet.CheckInEvery);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_in_a_hand_written_file()
    {
        var text = DesignExample.Text
            .Replace("\"seed\": 42,", "// the seed fixes every draw\n  \"seed\": 42,", StringComparison.Ordinal)
            .Replace("\"reason\": \"breaks sign-in pages\" }", "\"reason\": \"breaks sign-in pages\", }", StringComparison.Ordinal);

        Assert.Equal(DesignExample.Scenario.Recall, ScenarioFile.Parse(text).Recall);
    }

    [Fact]
    public void Mix_shares_within_a_millionth_of_one_are_accepted()
    {
        var scenario = ScenarioFile.Parse(DesignExample.With("fleet.mix[0].share", "0.6000005"));
        Assert.Equal(0.6000005, scenario.Fleet.Mix[0].Share);
    }
}
