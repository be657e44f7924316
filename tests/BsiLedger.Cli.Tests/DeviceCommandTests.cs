using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

public sealed class DeviceCommandTests(PostgresFixture postgres) : CliTest(postgres)
{
    [Fact]
    public async Task A_device_enrolls_installs_applies_and_shows_its_state_as_json()
    {
        var id = UniqueIds.Device();
        await Bsi(0, "device", "enroll", id, "--platform", "macOS", "--os", "26.3.2", "--model", "Mac17,2", "--managed", "--mdm-policy", "allow");
        await Publish("macOS 26.3.2 (a)");
        await Bsi(0, "device", "install", id, "macOS 26.3.2 (a)");
        await Bsi(0, "device", "apply", id, "macOS 26.3.2 (a)", "--activation", "relaunch");

        var show = (await Bsi(0, "device", "show", id, "--json")).Json();

        Assert.Equal(id, show.GetProperty("device").GetString());
        Assert.Equal("macOS", show.GetProperty("platform").GetString());
        Assert.Equal("26.3.2", show.GetProperty("os").GetString());
        Assert.Equal("macOS 26.3.2 (a)", show.GetProperty("applied").GetString());
        Assert.Equal("allow", show.GetProperty("mdmPolicy").GetString());
        Assert.Equal(3, show.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("iOS 26.3.1 (ab)")]
    [InlineData("iOS 26.3.1")]
    [InlineData("Android 14 (a)")]
    [InlineData("")]
    public async Task A_malformed_release_id_is_exit_2_with_the_expected_form_and_appends_nothing(string release)
    {
        var id = UniqueIds.Device();
        await Enroll(id);

        var run = await Bsi(2, "device", "install", id, release);

        Assert.Contains("iOS 26.3.1 (a)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, await RowsAsync(id));
    }

    [Theory]
    [InlineData("--platform", "Android", "--os", "26.3.1", "iOS, iPadOS or macOS")]
    [InlineData("--platform", "iOS", "--os", "26.x", "two or three numeric parts")]
    public async Task A_malformed_enrolment_is_exit_2_naming_the_bad_part(string o1, string v1, string o2, string v2, string expected)
    {
        var id = UniqueIds.Device();

        var run = await Bsi(2, "device", "enroll", id, o1, v1, o2, v2);

        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync(id));
    }

    [Fact]
    public async Task A_bad_device_id_is_exit_2()
    {
        var run = await Bsi(2, "device", "show", "bad id");
        Assert.Contains("not a device id", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_option_is_exit_2()
    {
        await Bsi(2, "device", "enroll", UniqueIds.Device(), "--platform", "iOS");
    }

    [Theory]
    [InlineData("apply-before-install", "BsiNotStaged")]
    [InlineData("other-base", "BsiBaseVersionMismatch")]
    [InlineData("older-letter", "OlderLetterRefused")]
    [InlineData("enroll-twice", "DeviceAlreadyEnrolled")]
    public async Task A_command_the_state_refuses_is_exit_1_with_the_typed_error_and_appends_nothing(string scenario, string error)
    {
        var id = UniqueIds.Device();
        await Enroll(id);
        if (scenario == "older-letter")
        {
            await Publish("iOS 26.3.1 (b)");
            await Bsi(0, "device", "install", id, "iOS 26.3.1 (b)");
        }

        var before = await RowsAsync(id);
        var run = scenario switch
        {
            "apply-before-install" => await Bsi(1, "device", "apply", id, "iOS 26.3.1 (a)"),
            "other-base" => await Bsi(1, "device", "install", id, "iOS 26.4 (a)"),
            "older-letter" => await Bsi(1, "device", "install", id, "iOS 26.3.1 (a)"),
            _ => await Bsi(1, "device", "enroll", id, "--platform", "iOS", "--os", "26.3.1"),
        };

        Assert.StartsWith(error + ":", run.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync(id));
    }

    [Fact]
    public async Task A_command_on_an_unknown_device_is_exit_1()
    {
        var id = UniqueIds.Device();
        var run = await Bsi(1, "device", "install", id, "iOS 26.3.1 (a)");
        Assert.Contains("DeviceNotEnrolled", run.Stderr, StringComparison.Ordinal);
        var show = (await Bsi(1, "device", "show", id, "--json")).Json();
        Assert.Equal("DeviceNotEnrolled", show.GetProperty("error").GetProperty("code").GetString());
        await Bsi(1, "audit", "history", id);
        Assert.Equal(0, await RowsAsync(id));
    }

    [Fact]
    public async Task A_report_repeated_after_it_took_effect_is_exit_0_and_appends_nothing()
    {
        var id = UniqueIds.Device();
        await Enroll(id);
        await Publish("iOS 26.3.1 (a)");
        await Bsi(0, "device", "install", id, "iOS 26.3.1 (a)");

        var again = (await Bsi(0, "device", "install", id, "iOS 26.3.1 (a)", "--json")).Json();

        Assert.Equal("unchanged", again.GetProperty("status").GetString());
        Assert.Equal(2, await RowsAsync(id));
    }

    [Fact]
    public async Task A_failure_run_again_with_its_command_id_prints_the_first_outcome_and_appends_nothing()
    {
        var id = UniqueIds.Device();
        await Enroll(id);
        await Publish("iOS 26.3.1 (a)");
        var key = Guid.NewGuid().ToString("N");
        string[] fail = ["device", "fail", id, "iOS 26.3.1 (a)", "--reason", "signing service unreachable", "--command-id", key, "--json"];

        var first = (await Bsi(0, fail)).Json();
        var again = (await Bsi(0, fail)).Json();
        var another = (await Bsi(0, [.. fail[..^3], "--json"])).Json();

        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.Equal(("accepted", 2, 1, key), (again.GetProperty("status").GetString(), again.GetProperty("version").GetInt32(),
            again.GetProperty("eventsAppended").GetInt32(), again.GetProperty("correlationId").GetString()));
        Assert.Equal(3, another.GetProperty("version").GetInt32());
        Assert.Equal(3, await RowsAsync(id));
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("offer/iOS 26.3.1 (a)/0/D1")]
    public async Task A_malformed_command_id_is_exit_2_with_the_expected_form_and_appends_nothing(string key)
    {
        var id = UniqueIds.Device();
        await Enroll(id);

        var run = await Bsi(2, "device", "uninstall", id, "--command-id", key);

        Assert.Contains("--command-id", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("not a command id", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, await RowsAsync(id));
    }

    [Fact]
    public async Task Uninstall_fail_os_update_and_check_in_work_from_the_command_line()
    {
        var id = UniqueIds.Device();
        await Enroll(id);
        await Publish("iOS 26.3.1 (a)");
        await Bsi(0, "device", "fail", id, "iOS 26.3.1 (a)", "--reason", "signing service unreachable");
        await Bsi(0, "device", "install", id, "iOS 26.3.1 (a)");
        await Bsi(0, "device", "uninstall", id);
        await Bsi(0, "device", "install", id, "iOS 26.3.1 (a)");
        await Bsi(0, "device", "os-update", id, "--to", "26.4");
        await Bsi(0, "device", "check-in", id);

        var show = (await Bsi(0, "device", "show", id, "--json")).Json();
        Assert.Equal("26.4", show.GetProperty("os").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, show.GetProperty("staged").ValueKind);
        Assert.Equal(6, await RowsAsync(id));
    }

    [Fact]
    public async Task A_report_of_an_unpublished_release_is_exit_1_ReleaseNotPublished_and_appends_nothing()
    {
        var os = UniqueIds.BaseVersion();
        var release = $"iOS {os} (a)";
        var id = UniqueIds.Device();
        await Enroll(id, os);

        var install = await Bsi(1, "device", "install", id, release);
        var apply = (await Bsi(1, "device", "apply", id, release, "--json")).Json();

        Assert.StartsWith("ReleaseNotPublished:", install.Stderr.Trim(), StringComparison.Ordinal);
        // The device's own rules speak first: nothing is staged, so there is nothing to apply.
        Assert.Equal("BsiNotStaged", apply.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1, await RowsAsync(id));
        Assert.Equal(0, await RowsAsync(release));
    }
}
