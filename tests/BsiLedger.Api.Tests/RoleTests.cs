using System.Net;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary>Bearer tokens per role: who may command, who may read, and a device that may report only for itself.</summary>
public sealed class RoleTests(ApiServerFixture server) : ApiTest(server)
{
    [Fact]
    public async Task Health_needs_no_token_and_everything_else_does()
    {
        using var anonymous = Server.Client(null);
        using var health = await Get(anonymous, "/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        using var response = await Get(anonymous, $"/devices/{UniqueIds.Device()}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        AssertProblem(await Expect(HttpStatusCode.Unauthorized, Get(anonymous, "/openapi/v1.json")), "Unauthenticated");
        AssertProblem(await Expect(HttpStatusCode.Unauthorized, Get(anonymous, "/audit/verify")), "Unauthenticated");
    }

    [Fact]
    public async Task A_token_no_role_was_given_is_401_and_appends_nothing()
    {
        var device = UniqueIds.Device();
        using var stranger = Server.Client("not-a-configured-token-at-all");
        AssertProblem(await Expect(HttpStatusCode.Unauthorized, Post(stranger, "/devices", new { id = device, platform = "iOS", os = "26.3.1" })), "Unauthenticated");
        // The sre role has no token configured on this server, so no token can act as sre: a guess at one is a stranger's.
        using var sre = Server.Client("sre-token-0123456789abcdef");
        await Expect(HttpStatusCode.Unauthorized, Get(sre, $"/devices/{device}"));
        Assert.Equal(0, await RowsAsync(device));
    }

    [Fact]
    public async Task An_auditor_reads_but_cannot_command()
    {
        var (release, os) = NewRelease();
        await Publish(release);
        var device = UniqueIds.Device();
        await Enroll(device, os);

        await Expect(HttpStatusCode.OK, Get(Auditor, $"/devices/{device}"));
        await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/devices/{device}/history"));
        await Expect(HttpStatusCode.OK, Get(Auditor, "/openapi/v1.json"));
        AssertProblem(await Expect(HttpStatusCode.Forbidden, Post(Auditor, $"/releases/{Route(release)}/recall", new { reason = "auditors may not" })), "Forbidden");
        AssertProblem(await Expect(HttpStatusCode.Forbidden, Post(Auditor, $"/devices/{device}/install", new { release })), "Forbidden");
        await Expect(HttpStatusCode.Forbidden, Post(Auditor, "/devices", new { id = UniqueIds.Device(), platform = "iOS", os }));
        await Expect(HttpStatusCode.Forbidden, Get(Auditor, $"/devices/{device}/token"));
        Assert.Equal(1, await RowsAsync(release));
        Assert.Equal(1, await RowsAsync(device));
    }

    [Fact]
    public async Task A_device_token_reports_for_its_own_device_only()
    {
        var (release, os) = NewRelease();
        await Publish(release);
        var device = UniqueIds.Device();
        var other = UniqueIds.Device();
        var issued = (await Enroll(device, os)).GetProperty("deviceToken").GetString()!;
        await Enroll(other, os);
        var reissued = await Expect(HttpStatusCode.OK, Get(Operator, $"/devices/{device}/token"));
        Assert.Equal(issued, reissued.GetProperty("deviceToken").GetString());

        using var own = Server.Client(issued);
        await Expect(HttpStatusCode.OK, Post(own, $"/devices/{device}/install", new { release }));
        await Expect(HttpStatusCode.OK, Post(own, $"/devices/{device}/check-in"));

        AssertProblem(await Expect(HttpStatusCode.Forbidden, Post(own, $"/devices/{other}/install", new { release })), "Forbidden");
        await Expect(HttpStatusCode.Forbidden, Get(own, $"/devices/{device}"));
        await Expect(HttpStatusCode.Forbidden, Post(own, "/releases", new { id = release, components = new[] { "WebKit" } }));
        await Expect(HttpStatusCode.Forbidden, Post(own, "/devices", new { id = UniqueIds.Device(), platform = "iOS", os }));
        Assert.Equal(2, await RowsAsync(device));
        Assert.Equal(1, await RowsAsync(other));
    }

    [Fact]
    public async Task A_device_token_altered_or_moved_to_another_device_is_401()
    {
        var (_, os) = NewRelease();
        var device = UniqueIds.Device();
        var other = UniqueIds.Device();
        var token = (await Enroll(device, os)).GetProperty("deviceToken").GetString()!;
        await Enroll(other, os);

        var hex = token[(token.LastIndexOf('.') + 1)..];
        using var moved = Server.Client($"{other}.{hex}");
        await Expect(HttpStatusCode.Unauthorized, Post(moved, $"/devices/{other}/check-in"));
        using var altered = Server.Client(token[..^1] + (token[^1] == '0' ? '1' : '0'));
        await Expect(HttpStatusCode.Unauthorized, Post(altered, $"/devices/{device}/check-in"));
        Assert.Equal(1, await RowsAsync(device));
        Assert.Equal(1, await RowsAsync(other));
    }
}
