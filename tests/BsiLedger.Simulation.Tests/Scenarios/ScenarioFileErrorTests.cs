using System.Text.Json.Nodes;
using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Tests.Scenarios;

/// <summary>Every refusal names the JSON path of the field at fault, then says what was wrong.</summary>
public sealed class ScenarioFileErrorTests
{
    [Theory]
    [InlineData("", "line 1, byte 1 of the line")]
    [InlineData("seed: 42", "line 1, byte 1 of the line")]
    [InlineData("{\n  \"seed\": 42,\n  \"fleet\": {\n}", "line 4, byte 2 of the line")]
    public void Text_that_is_not_JSON_is_refused_with_the_position(string text, string position)
    {
        var message = DesignExample.Refusal(text);
        Assert.StartsWith($"the scenario is not JSON ({position}): ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_that_is_not_an_object_is_refused() =>
        Assert.Equal("the scenario: expected an object, found an array", DesignExample.Refusal("[]"));

    [Theory]
    [InlineData("seed")]
    [InlineData("fleet")]
    [InlineData("fleet.devices")]
    [InlineData("fleet.mix")]
    [InlineData("fleet.mix[1].model")]
    [InlineData("releases")]
    [InlineData("releases[0].id")]
    [InlineData("releases[0].components")]
    [InlineData("releases[0].plan")]
    [InlineData("releases[0].plan.minSample")]
    [InlineData("releases[0].plan.waves[1].soak")]
    [InlineData("releases[0].failures[0].rate")]
    [InlineData("recall.reason")]
    public void A_missing_required_field_is_named(string path) =>
        Assert.Equal($"{path}: required field is missing", DesignExample.Refusal(DesignExample.With(path, null)));

    [Theory]
    [InlineData("seed", "\"42\"", "seed: expected a whole number, found the text \"42\"")]
    [InlineData("seed", "4.5", "seed: expected a whole number, found the number 4.5")]
    [InlineData("seed", "null", "seed: expected a whole number, found null")]
    [InlineData("fleet", "[]", "fleet: expected an object, found an array")]
    [InlineData("fleet.devices", "\"100\"", "fleet.devices: expected a whole number, found the text \"100\"")]
    [InlineData("fleet.devices", "1e12", "fleet.devices: 1e12 is out of range for a whole number")]
    [InlineData("fleet.mix", "{}", "fleet.mix: expected an array, found an object")]
    [InlineData("fleet.mix[0].share", "\"0.6\"", "fleet.mix[0].share: expected a number, found the text \"0.6\"")]
    [InlineData("fleet.offline", "true", "fleet.offline: expected a number, found true")]
    [InlineData("fleet.checkInEvery", "6", "fleet.checkInEvery: expected a text (a JSON string), found the number 6")]
    [InlineData("releases[0].components", "\"WebKit\"", "releases[0].components: expected an array, found the text \"WebKit\"")]
    [InlineData("releases[0].components[0]", "1", "releases[0].components[0]: expected a text (a JSON string), found the number 1")]
    [InlineData("releases[0].plan.waves[0].share", "\"1%\"", "releases[0].plan.waves[0].share: expected a number, found the text \"1%\"")]
    [InlineData("releases[0].plan.waves[0]", "0.01", "releases[0].plan.waves[0]: expected an object, found the number 0.01")]
    [InlineData("releases[0].plan.minSample", "100.5", "releases[0].plan.minSample: expected a whole number, found the number 100.5")]
    [InlineData("releases[0].plan.waves[0].pacing", "{ \"speed\": 1 }", "releases[0].plan.waves[0].pacing.speed: unknown field")]
    [InlineData("releases[0].plan.waves[0].pacing", "{ \"ratePerHour\": 5, \"rampFactor\": 2, \"rampEvery\": 5, \"rampOn\": \"installs\" }", "releases[0].plan.waves[0].pacing.rampOn: 'installs' is not what a ramp counts")]
    [InlineData("recall", "\"iOS 26.3.1 (a)\"", "recall: expected an object, found the text \"iOS 26.3.1 (a)\"")]
    [InlineData("fleet.installDelay", "{ \"median\": \"2h\", \"p95\": \"10h\" }", "fleet.installDelay.p95: unknown field (fleet.installDelay takes median, p90)")]
    [InlineData("fleet.applyDelay", "\"2h\"", "fleet.applyDelay: expected an object, found the text \"2h\"")]
    public void A_value_of_the_wrong_type_is_named_with_what_was_found(string path, string value, string expected) =>
        Assert.StartsWith(expected, DesignExample.Refusal(DesignExample.With(path, value)), StringComparison.Ordinal);

    [Theory]
    [InlineData("releases[0].plan.waves[1].share", "1.2", "releases[0].plan.waves[1].share: 1.2 must be above 0% and at most 100%")]
    [InlineData("releases[0].plan.waves[0].share", "0", "releases[0].plan.waves[0].share: 0 must be above 0% and at most 100%")]
    [InlineData("releases[0].plan.waves[1].share", "0.01", "releases[0].plan.waves[1].share: 0.01 must be above the previous wave's 0.01 (shares are cumulative)")]
    [InlineData("releases[0].plan.waves[2].failureThreshold", "1.5", "releases[0].plan.waves[2].failureThreshold: 1.5 must be from 0% to 100%")]
    [InlineData("releases[0].plan.minSample", "-1", "releases[0].plan.minSample: -1 must be at least 1 install attempt")]
    [InlineData("releases[0].plan.minSample", "0", "releases[0].plan.minSample: 0 must be at least 1 install attempt")]
    [InlineData("releases[0].plan.waves", "[]", "releases[0].plan.waves: a plan needs at least one wave")]
    [InlineData("releases[0].installFailureRate", "-0.1", "releases[0].installFailureRate: -0.1 must be a fraction from 0 to 1")]
    [InlineData("releases[0].failures[0].rate", "2", "releases[0].failures[0].rate: 2 must be a fraction from 0 to 1")]
    [InlineData("fleet.devices", "0", "fleet.devices: 0 must be from 1 to 10,000,000 devices")]
    [InlineData("fleet.devices", "10000001", "fleet.devices: 10000001 must be from 1 to 10,000,000 devices")]
    [InlineData("fleet.autoInstallOff", "1.01", "fleet.autoInstallOff: 1.01 must be a fraction from 0 to 1")]
    [InlineData("fleet.managed", "-0.2", "fleet.managed: -0.2 must be a fraction from 0 to 1")]
    [InlineData("fleet.managedForbid", "25", "fleet.managedForbid: 25 must be a fraction from 0 to 1")]
    [InlineData("fleet.offline", "1.5", "fleet.offline: 1.5 must be a fraction from 0 to 1")]
    [InlineData("fleet.mix[1].share", "0", "fleet.mix[1].share: 0 must be above 0 and at most 1")]
    [InlineData("fleet.mix[0].share", "0.5", "fleet.mix: the shares add up to 0.9, not 1")]
    [InlineData("fleet.mix[1].share", "0.41", "fleet.mix: the shares add up to 1.01, not 1")]
    [InlineData("fleet.mix", "[]", "fleet.mix: name at least one platform, OS version and model with its share")]
    [InlineData("fleet.mix[0].model", "\" \"", "fleet.mix[0].model: expected a non-empty text without control characters")]
    [InlineData("recall.reason", "\"\"", "recall.reason: expected a non-empty text without control characters")]
    [InlineData("releases", "[]", "releases: name at least one release")]
    [InlineData("releases[0].plan.waves[1].pacing", "{ \"ratePerHour\": 0 }", "releases[0].plan.waves[1].pacing.ratePerHour: 0 is not above 0 offers per hour")]
    [InlineData("releases[0].plan.waves[1].pacing", "{ \"ratePerHour\": 100, \"rampFactor\": 0.5, \"rampEvery\": 10 }", "releases[0].plan.waves[1].pacing.rampFactor: 0.5 does not raise the rate: give a factor above 1, e.g. 2")]
    [InlineData("releases[0].plan.waves[1].pacing", "{ \"ratePerHour\": 100, \"maxPerHour\": 50 }", "releases[0].plan.waves[1].pacing.maxPerHour: 50 is under the starting rate of 100 per hour")]
    [InlineData("releases[0].plan.waves[0].pacing", "{ \"spreadOver\": \"30d\" }", "releases[0].plan.waves[0].pacing.spreadOver: 30d is longer than the wave's soak of 1d")]
    [InlineData("fleet.installDelay", "{ \"median\": \"10h\", \"p90\": \"2h\" }", "fleet.installDelay.p90: 2h is shorter than the median of 10h; the 90th percentile is at least the median")]
    [InlineData("fleet.mix[1].applyDelay", "{ \"median\": \"1d\", \"p90\": \"12h\" }", "fleet.mix[1].applyDelay.p90: 12h is shorter than the median of 1d; the 90th percentile is at least the median")]
    public void A_value_out_of_range_is_named_with_the_range(string path, string value, string expected) =>
        Assert.Equal(expected, DesignExample.Refusal(DesignExample.With(path, value)));

    [Theory]
    [InlineData("fleet.checkInEvery", "\"6 hours\"")]
    [InlineData("releases[0].plan.waves[0].soak", "\"1w\"")]
    [InlineData("releases[0].plan.waves[0].soak", "\"-24h\"")]
    [InlineData("recall.at", "\"soon\"")]
    public void An_unparsable_duration_is_named_with_the_expected_form(string path, string value)
    {
        var message = DesignExample.Refusal(DesignExample.With(path, value));
        Assert.StartsWith($"{path}: {value.Replace("\"", "'", StringComparison.Ordinal)} is not a duration: expected ", message, StringComparison.Ordinal);
        Assert.Contains("24h", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_in_interval_of_zero_is_refused() =>
        Assert.Equal("fleet.checkInEvery: 0h must be longer than zero", DesignExample.Refusal(DesignExample.With("fleet.checkInEvery", "\"0h\"")));

    [Theory]
    [InlineData("releases[0].id", "\"iOS 26.3.1\"", "releases[0].id: 'iOS 26.3.1' is not a release id: expected ")]
    [InlineData("releases[0].id", "\"Android 14.1 (a)\"", "releases[0].id: 'Android 14.1 (a)' names an unknown platform 'Android'")]
    [InlineData("releases[0].supersedes", "\"iOS 26.3.1 (a\"", "releases[0].supersedes: 'iOS 26.3.1 (a' is not a release id")]
    [InlineData("releases[0].supersedes", "\"iOS 26.3.1 (b)\"", "releases[0].supersedes: iOS 26.3.1 (a) can only supersede an earlier letter of iOS 26.3.1, not iOS 26.3.1 (b)")]
    [InlineData("recall.release", "\"iOS 26.3.1\"", "recall.release: 'iOS 26.3.1' is not a release id")]
    [InlineData("fleet.mix[0].platform", "\"ios\"", "fleet.mix[0].platform: 'ios' is not a platform: expected iOS, iPadOS or macOS")]
    [InlineData("fleet.mix[1].os", "\"26.x\"", "fleet.mix[1].os: '26.x' is not an OS version: expected two or three numeric parts")]
    [InlineData("releases[0].activation", "\"reboot\"", "releases[0].activation: 'reboot' is not an activation: expected restart or relaunch")]
    [InlineData("releases[0].cves[0]", "\"CVE-26-1\"", "releases[0].cves[0]: 'CVE-26-1' is not a CVE id: expected CVE-YYYY-NNNN")]
    [InlineData("releases[0].components", "[]", "releases[0].components: name at least one component")]
    [InlineData("releases[0].components[0]", "\"\"", "releases[0].components: name at least one component")]
    public void A_bad_identifier_is_named_with_the_expected_form(string path, string value, string expected) =>
        Assert.StartsWith(expected, DesignExample.Refusal(DesignExample.With(path, value)), StringComparison.Ordinal);

    [Theory]
    [InlineData("Seed", "Seed: unknown field (the scenario takes seed, fleet, releases, recall)")]
    [InlineData("fleet.device", "fleet.device: unknown field (fleet takes devices, mix, autoInstallOff, managed, managedForbid, offline, checkInEvery, installDelay, applyDelay)")]
    [InlineData("fleet.mix[0].weight", "fleet.mix[0].weight: unknown field (fleet.mix[0] takes platform, os, model, share, installDelay, applyDelay)")]
    [InlineData("releases[0].installFailRate", "releases[0].installFailRate: unknown field (releases[0] takes id, components, cves, activation, supersedes, installFailureRate, failures, plan)")]
    [InlineData("releases[0].plan.waves[2].threshold", "releases[0].plan.waves[2].threshold: unknown field (releases[0].plan.waves[2] takes share, soak, failureThreshold, pacing)")]
    [InlineData("recall.when", "recall.when: unknown field (recall takes release, at, reason)")]
    public void An_unknown_field_is_named_so_a_typo_cannot_pass_silently(string path, string expected) =>
        Assert.Equal(expected, DesignExample.Refusal(DesignExample.With(path, "1")));

    [Fact]
    public void A_field_given_twice_is_refused()
    {
        var text = DesignExample.Text.Replace("\"seed\": 42,", "\"seed\": 42, \"seed\": 43,", StringComparison.Ordinal);
        Assert.Equal("seed: the field is given twice", DesignExample.Refusal(text));
    }

    [Fact]
    public void A_recall_of_a_release_not_in_the_scenario_is_refused() =>
        Assert.Equal(
            "recall.release: iPadOS 26.3.1 (a) is not one of the scenario's releases (iOS 26.3.1 (a))",
            DesignExample.Refusal(DesignExample.With("recall.release", "\"iPadOS 26.3.1 (a)\"")));

    [Fact]
    public void A_release_given_twice_is_refused() =>
        Assert.Equal(
            "releases[1].id: iOS 26.3.1 (a) is given twice (also at index 0)",
            DesignExample.Refusal(DesignExample.Edited(root => root["releases"]!.AsArray().Add(root["releases"]![0]!.DeepClone()))));

    [Fact]
    public void A_failure_on_a_model_the_fleet_does_not_have_is_refused() =>
        Assert.Equal(
            "releases[0].failures[0].model: 'iPhone18,9' is not a model of fleet.mix (iPhone18,1, Mac17,2)",
            DesignExample.Refusal(DesignExample.With("releases[0].failures[0].model", "\"iPhone18,9\"")));

    [Fact]
    public void A_model_given_two_failure_rates_is_refused() =>
        Assert.Equal(
            "releases[0].failures[1].model: 'iPhone18,1' is given twice (also at index 0)",
            DesignExample.Refusal(DesignExample.Edited(root => root["releases"]![0]!["failures"]!.AsArray().Add(JsonNode.Parse("""{ "model": "iPhone18,1", "rate": 0.1 }""")))));

    [Fact]
    public void The_same_device_kind_twice_in_the_mix_is_refused() =>
        Assert.Equal(
            "fleet.mix[1]: iOS 26.3.1 iPhone18,1 is given twice (also at index 0)",
            DesignExample.Refusal(DesignExample.Edited(root => root["fleet"]!["mix"]![1] = JsonNode.Parse("""{ "platform": "iOS", "os": "26.3.1", "model": "iPhone18,1", "share": 0.4 }"""))));
}
