using System.Net;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary>Malformed JSON, oversized bodies, unknown fields, malformed values and ids: 400 naming the field, nothing appended.</summary>
public sealed class BadInputTests(ApiServerFixture server) : ApiTest(server)
{
    [Fact]
    public async Task Malformed_json_is_400_naming_the_body()
    {
        var device = UniqueIds.Device();
        var problem = await Expect(HttpStatusCode.BadRequest, PostText(Operator, "/devices", $$"""{"id":"{{device}}","platform":"iOS","os":"""));
        AssertProblem(problem, "BadInput", "body");
        Assert.Equal(0, await RowsAsync(device));
    }

    [Fact]
    public async Task An_unknown_field_is_400_naming_it()
    {
        var device = UniqueIds.Device();
        var problem = await Expect(HttpStatusCode.BadRequest, Post(Operator, "/devices", new { id = device, platform = "iOS", os = "26.3.1", autoinstall = false }));
        AssertProblem(problem, "BadInput", "autoinstall");
        Assert.Contains("autoInstall", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync(device));
    }

    [Fact]
    public async Task An_unknown_field_inside_a_wave_is_400_naming_its_path()
    {
        var (release, _) = NewRelease();
        await Publish(release);
        var plan = new { waves = new[] { new { share = 1.0, soak = "0h", failureThreshold = 0.02, threshold = 0.5 } } };
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Post(Operator, $"/releases/{Route(release)}/plan", plan)), "BadInput", "waves[0].threshold");
        Assert.Equal(1, await RowsAsync(release));
    }

    [Fact]
    public async Task A_null_in_a_list_is_400_naming_its_place()
    {
        var (release, _) = NewRelease();
        AssertProblem(await Expect(HttpStatusCode.BadRequest, PostText(Operator, "/releases", $$"""{"id":"{{release}}","components":["WebKit",null]}""")), "BadInput", "components[1]");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, PostText(Operator, "/releases", $$"""{"id":"{{release}}","components":["WebKit"],"cves":[null]}""")), "BadInput", "cves[0]");
        Assert.Equal(0, await RowsAsync(release));
        await Publish(release);
        AssertProblem(await Expect(HttpStatusCode.BadRequest, PostText(Operator, $"/releases/{Route(release)}/plan", """{"waves":[null]}""")), "BadInput", "waves[0]");
        Assert.Equal(1, await RowsAsync(release));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_400_and_never_read_into_the_ledger()
    {
        var device = UniqueIds.Device();
        var padding = new string('x', 32 * 1024);
        var problem = await Expect(HttpStatusCode.BadRequest, Post(Operator, "/devices", new { id = device, platform = "iOS", os = "26.3.1", model = padding }));
        AssertProblem(problem, "BadInput", "body");
        Assert.Equal(0, await RowsAsync(device));
    }

    [Fact]
    public async Task Control_characters_in_ids_are_400_naming_the_field()
    {
        var device = UniqueIds.Device();
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Post(Operator, "/devices", new { id = device + "\n", platform = "iOS", os = "26.3.1" })), "BadInput", "id");
        await Enroll(device, "26.3.1");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Post(Operator, $"/devices/{device}%0A/check-in")), "BadInput", "id");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Post(Operator, $"/devices/{device}/install", new { release = "iOS 26.3.1\t(a)" })), "BadInput", "release");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Get(Auditor, "/releases/iOS%2026.3.1%0D%20(a)")), "BadInput", "id");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Post(Operator, $"/devices/{device}/fail", new { release = "iOS 26.3.1 (a)", reason = "bad\u0007bell" })), "BadInput", "reason");
        Assert.Equal(1, await RowsAsync(device));
    }

    [Fact]
    public async Task Values_of_the_wrong_form_are_400_naming_the_field()
    {
        var device = UniqueIds.Device();
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Post(Operator, "/devices", new { id = device, platform = "Android", os = "26.3.1" })), "BadInput", "platform");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Post(Operator, "/devices", new { id = device, platform = "iOS", os = "twenty-six" })), "BadInput", "os");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, PostText(Operator, "/devices", $$"""{"id":"{{device}}","platform":"iOS","os":"26.3.1","managed":"yes"}""")), "BadInput", "managed");
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Post(Operator, "/releases", new { id = NewRelease().Release, components = new[] { "WebKit" }, cves = new[] { "CVE-26" } })), "BadInput", "cves");
        Assert.Equal(0, await RowsAsync(device));
    }
}
