using System.Net;
using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary><c>/audit</c>: history, what ran at an instant or version, exposure after a recall, verification.</summary>
public sealed class AuditRouteTests(ApiServerFixture server) : ApiTest(server)
{
    [Fact]
    public async Task History_and_at_replay_a_devices_stream()
    {
        var (release, device) = await AppliedAsync();

        var history = await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/devices/{device}/history"));
        var events = history.GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(["bsi.device-enrolled", "bsi.bsi-installed", "bsi.bsi-applied"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("operator:api", events[0].GetProperty("cause").GetString());

        var afterInstall = await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/devices/{device}/at?version=2"));
        Assert.Equal(release, afterInstall.GetProperty("staged").GetString());
        Assert.Null(afterInstall.GetProperty("applied").GetString());

        var appliedAt = events[2].GetProperty("at").GetDateTimeOffset();
        var atInstant = await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/devices/{device}/at?instant={Uri.EscapeDataString(appliedAt.ToString("O"))}"));
        Assert.Equal(release, atInstant.GetProperty("applied").GetString());
        var beforeEnrolment = await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/devices/{device}/at?instant=2000-01-01T00:00:00Z"));
        Assert.False(beforeEnrolment.GetProperty("enrolled").GetBoolean());
    }

    [Fact]
    public async Task At_with_a_bad_point_is_400_naming_it_and_an_unknown_device_is_404()
    {
        var (_, os) = NewRelease();
        var device = UniqueIds.Device();
        await Enroll(device, os);
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Get(Auditor, $"/audit/devices/{device}/at?version=5")), "BadInput", "version");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Get(Auditor, $"/audit/devices/{device}/at?version=two")), "BadInput", "version");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Get(Auditor, $"/audit/devices/{device}/at?instant=yesterday")), "BadInput", "instant");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Get(Auditor, $"/audit/devices/{device}/at")), "BadInput", "instant");
        AssertProblem(await Expect(HttpStatusCode.NotFound, Get(Auditor, $"/audit/devices/{UniqueIds.Device()}/history")), "DeviceNotEnrolled");
    }

    [Fact]
    public async Task Exposed_lists_the_devices_a_recall_withdrew_from()
    {
        var (release, device) = await AppliedAsync();
        await Expect(HttpStatusCode.OK, Post(Operator, $"/releases/{Route(release)}/recall", new { reason = "breaks sign-in pages" }));

        var exposed = await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/releases/{Route(release)}/exposed"));
        var window = Assert.Single(exposed.GetProperty("windows").EnumerateArray());
        Assert.Equal(device, window.GetProperty("device").GetString());
        Assert.Equal("withdrawn", window.GetProperty("ending").GetString());
        Assert.Equal(1, exposed.GetProperty("totals").GetProperty("withdrawn").GetInt32());
        AssertProblem(await Expect(HttpStatusCode.NotFound, Get(Auditor, $"/audit/releases/{Route(NewRelease().Release)}/exposed")), "ReleaseNotPublished");
    }

    [Fact]
    public async Task A_devices_exposure_lists_each_window_it_ran_a_release_in_as_the_release_list_shows_it()
    {
        var (release, device) = await AppliedAsync();
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/uninstall"));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/install", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/apply", new { release }));
        var running = await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/devices/{device}/exposure"));
        Assert.Equal(device, running.GetProperty("device").GetString());
        Assert.Equal([false, true], running.GetProperty("windows").EnumerateArray().Select(w => w.GetProperty("stillExposed").GetBoolean()));

        await Expect(HttpStatusCode.OK, Post(Operator, $"/releases/{Route(release)}/recall", new { reason = "breaks sign-in pages" }));
        var exposure = await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/devices/{device}/exposure"));
        var windows = exposure.GetProperty("windows").EnumerateArray().ToArray();
        Assert.Equal(["removed", "withdrawn"], windows.Select(w => w.GetProperty("ending").GetString()));
        Assert.All(windows, w => Assert.Equal(release, w.GetProperty("release").GetString()));
        Assert.All(windows, w => Assert.False(w.GetProperty("stillExposed").GetBoolean()));

        var byRelease = (await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/releases/{Route(release)}/exposed"))).GetProperty("windows").EnumerateArray().ToArray();
        Assert.Equal(byRelease.Select(w => Fields(w, "device")), windows.Select(w => Fields(w, "release")));
        Assert.NotNull(windows[1].GetProperty("recallId").GetString());
        Assert.Equal(JsonValueKind.Null, windows[0].GetProperty("recallId").ValueKind);
    }

    [Fact]
    public async Task A_device_that_ran_nothing_has_no_windows_and_an_unknown_or_malformed_one_is_refused()
    {
        var (_, os) = NewRelease();
        var device = UniqueIds.Device();
        await Enroll(device, os);
        Assert.Equal(0, (await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/devices/{device}/exposure"))).GetProperty("windows").GetArrayLength());
        AssertProblem(await Expect(HttpStatusCode.NotFound, Get(Auditor, $"/audit/devices/{UniqueIds.Device()}/exposure")), "DeviceNotEnrolled");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Get(Auditor, "/audit/devices/not%20a%20device/exposure")), "BadInput", "id");
    }

    [Fact]
    public async Task Verify_finds_the_ledger_intact()
    {
        var (_, os) = NewRelease();
        await Enroll(UniqueIds.Device(), os);
        var report = await Expect(HttpStatusCode.OK, Get(Auditor, "/audit/verify"));
        Assert.True(report.GetProperty("intact").GetBoolean());
        Assert.True(report.GetProperty("events").GetInt64() >= 1);
    }

    /// <summary>A window's fields but the one naming whose it is, as text to compare.</summary>
    private static string Fields(JsonElement window, string whose) =>
        string.Join(",", window.EnumerateObject().Where(p => p.Name != whose).Select(p => $"{p.Name}={p.Value.GetRawText()}"));

    /// <summary>A new device that staged and applied a new release.</summary>
    private async Task<(string Release, string Device)> AppliedAsync()
    {
        var (release, os) = NewRelease();
        await Publish(release);
        var device = UniqueIds.Device();
        await Enroll(device, os);
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/install", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/apply", new { release }));
        return (release, device);
    }
}
