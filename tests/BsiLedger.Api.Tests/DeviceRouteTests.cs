using System.Net;
using System.Text.Json;

namespace BsiLedger.Api.Tests;

/// <summary><c>/devices</c>: enrolment and each report of the CLI's <c>bsi device</c>, with its refusals.</summary>
public sealed class DeviceRouteTests(ApiServerFixture server) : ApiTest(server)
{
    [Fact]
    public async Task A_device_stages_applies_and_removes_a_release_and_its_state_follows()
    {
        var (release, os) = NewRelease();
        await Publish(release);
        var device = Testing.UniqueIds.Device();
        var enrolled = await Enroll(device, os);
        Assert.Equal("EnrollDevice", enrolled.GetProperty("command").GetString());

        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/install", new { release }));
        var applied = await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/apply", new { release }));
        Assert.Equal("ApplyBsi", applied.GetProperty("command").GetString());
        var shown = await Expect(HttpStatusCode.OK, Get(Auditor, $"/devices/{device}"));
        Assert.Equal(release, shown.GetProperty("applied").GetString());
        Assert.Equal(3, shown.GetProperty("version").GetInt32());

        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/uninstall"));
        shown = await Expect(HttpStatusCode.OK, Get(Auditor, $"/devices/{device}"));
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("applied").ValueKind);
    }

    [Fact]
    public async Task A_release_of_another_base_version_is_a_conflict_and_nothing_is_appended()
    {
        var (release, _) = NewRelease();
        await Publish(release);
        var device = Testing.UniqueIds.Device();
        await Enroll(device, Testing.UniqueIds.BaseVersion());

        var problem = await Expect(HttpStatusCode.Conflict, Post(Operator, $"/devices/{device}/install", new { release }));
        AssertProblem(problem, "BsiBaseVersionMismatch");
        Assert.Equal(device, problem.GetProperty("device").GetString());
        Assert.Equal(1, await RowsAsync(device));
    }

    [Fact]
    public async Task A_report_of_an_unpublished_release_is_unprocessable()
    {
        var (release, os) = NewRelease();
        var device = Testing.UniqueIds.Device();
        await Enroll(device, os);
        AssertProblem(await Expect(HttpStatusCode.UnprocessableEntity, Post(Operator, $"/devices/{device}/install", new { release })), "ReleaseNotPublished");
        Assert.Equal(1, await RowsAsync(device));
    }

    [Fact]
    public async Task An_unknown_device_is_404_for_reports_reads_and_check_ins()
    {
        var device = Testing.UniqueIds.Device();
        AssertProblem(await Expect(HttpStatusCode.NotFound, Get(Auditor, $"/devices/{device}")), "DeviceNotEnrolled");
        AssertProblem(await Expect(HttpStatusCode.NotFound, Post(Operator, $"/devices/{device}/check-in")), "DeviceNotEnrolled");
        AssertProblem(await Expect(HttpStatusCode.NotFound, Post(Operator, $"/devices/{device}/os-update", new { to = "27.0" })), "DeviceNotEnrolled");
        Assert.Equal(0, await RowsAsync(device));
    }

    [Fact]
    public async Task Failing_an_install_and_updating_the_os_are_recorded_and_a_check_in_answers_what_was_owed()
    {
        var (release, os) = NewRelease();
        await Publish(release);
        var device = Testing.UniqueIds.Device();
        await Enroll(device, os);

        var failed = await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/fail", new { release, reason = "signing service unreachable" }));
        Assert.Equal("ReportInstallFailure", failed.GetProperty("command").GetString());
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/os-update", new { to = "99.0" }));
        var checkIn = await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/check-in"));
        Assert.Equal(device, checkIn.GetProperty("device").GetString());
        Assert.Empty(checkIn.GetProperty("withdrawn").EnumerateArray());

        var shown = await Expect(HttpStatusCode.OK, Get(Auditor, $"/devices/{device}"));
        Assert.Equal("99.0", shown.GetProperty("os").GetString());
        Assert.Equal(3, await RowsAsync(device));
    }
}
