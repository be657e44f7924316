using System.Net;
using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary><c>GET /releases</c>: every release the ledger holds, a page at a time, each as its own document says it.</summary>
public sealed class ReleaseListTests(ApiServerFixture server) : ApiTest(server)
{
    [Fact]
    public async Task Every_release_is_listed_with_the_phase_wave_halt_and_recall_its_own_document_gives()
    {
        var (published, _) = NewRelease('a');
        var paused = published.Replace("(a)", "(b)", StringComparison.Ordinal);
        var recalled = published.Replace("(a)", "(c)", StringComparison.Ordinal);
        var plan = new { waves = new[] { new { share = 0.1, soak = "24h", failureThreshold = 0.05 }, new { share = 1.0, soak = "0h", failureThreshold = 0.1 } }, minSample = 10 };
        foreach (var release in new[] { published, paused, recalled })
        {
            await Publish(release);
        }

        foreach (var release in new[] { paused, recalled })
        {
            await Expect(HttpStatusCode.OK, Post(Operator, $"/releases/{Route(release)}/plan", plan));
            await Expect(HttpStatusCode.OK, Post(Operator, $"/releases/{Route(release)}/start"));
        }

        await Expect(HttpStatusCode.OK, Post(Operator, $"/releases/{Route(paused)}/pause"));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/releases/{Route(recalled)}/recall", new { reason = "breaks sign-in pages" }));

        var listed = await AllPagesAsync(Auditor);

        foreach (var release in new[] { published, paused, recalled })
        {
            var row = Assert.Single(listed, r => r.GetProperty("release").GetString() == release);
            var document = await Expect(HttpStatusCode.OK, Get(Auditor, $"/releases/{Route(release)}"));
            var waves = document.GetProperty("waves");
            Assert.Equal(document.GetProperty("phase").GetString(), row.GetProperty("phase").GetString());
            Assert.Equal(waves.GetArrayLength() == 0 ? null : waves[waves.GetArrayLength() - 1].GetProperty("index").GetInt32(), Nullable(row.GetProperty("currentWave")));
            Assert.Equal(document.GetProperty("halted").ValueKind != JsonValueKind.Null, row.GetProperty("halted").GetBoolean());
            Assert.Equal(document.GetProperty("recall").ValueKind != JsonValueKind.Null, row.GetProperty("recalled").GetBoolean());
            Assert.Equal(waves.EnumerateArray().Sum(w => w.GetProperty("applied").GetInt32()), row.GetProperty("applied").GetInt32());
            var current = waves.GetArrayLength() == 0 ? (JsonElement?)null : waves[waves.GetArrayLength() - 1];
            Assert.Equal(current?.GetProperty("attempts").GetInt32(), Nullable(row.GetProperty("attempts")));
            Assert.Equal(current?.GetProperty("failureRate").GetDouble(), NullableDouble(row.GetProperty("failureRate")));
            Assert.Equal(current is { } wave ? document.GetProperty("plan").GetProperty("waves")[wave.GetProperty("index").GetInt32()].GetProperty("failureThreshold").GetDouble() : null,
                NullableDouble(row.GetProperty("threshold")));
        }

        Assert.Equal(["notplanned", "paused", "recalled"], new[] { published, paused, recalled }.Select(r => listed.Single(l => l.GetProperty("release").GetString() == r).GetProperty("phase").GetString()));
    }

    [Fact]
    public async Task A_running_wave_s_row_counts_what_its_devices_have_reported_as_its_document_does()
    {
        var (release, path, fleet) = await StartRunningWaveAsync("listed");
        await ReportInstalledAppliedAndFailedAsync(release, fleet);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        JsonElement row;
        while ((row = Assert.Single(await AllPagesAsync(Auditor), r => r.GetProperty("release").GetString() == release)).GetProperty("attempts").GetInt32() != 3
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        var wave = (await Expect(HttpStatusCode.OK, Get(Auditor, path))).GetProperty("waves")[0];
        Assert.Equal(("running", 1, 3), (row.GetProperty("phase").GetString(), row.GetProperty("applied").GetInt32(), row.GetProperty("attempts").GetInt32()));
        Assert.Equal(1.0 / 3, row.GetProperty("failureRate").GetDouble(), 1e-12);
        Assert.Equal((wave.GetProperty("applied").GetInt32(), wave.GetProperty("attempts").GetInt32(), wave.GetProperty("failureRate").GetDouble()),
            (row.GetProperty("applied").GetInt32(), row.GetProperty("attempts").GetInt32(), row.GetProperty("failureRate").GetDouble()));
    }

    [Fact]
    public async Task A_page_holds_at_most_its_limit_and_its_next_asks_for_the_rest()
    {
        var (first, _) = NewRelease('a');
        var second = first.Replace("(a)", "(b)", StringComparison.Ordinal);
        var third = first.Replace("(a)", "(c)", StringComparison.Ordinal);
        foreach (var release in new[] { first, second, third })
        {
            await Publish(release);
        }

        var page = await Expect(HttpStatusCode.OK, Get(Operator, $"/releases?after={Uri.EscapeDataString(first)}&limit=1"));
        Assert.Equal([second], page.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("release").GetString()));
        Assert.Equal(second, page.GetProperty("next").GetString());

        var next = await Expect(HttpStatusCode.OK, Get(Operator, $"/releases?after={Uri.EscapeDataString(second)}&limit=1"));
        Assert.Equal([third], next.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("release").GetString()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("after=", "after")]
    [InlineData("after=%01", "after")]
    public async Task Bad_paging_is_400_naming_the_parameter(string query, string field)
    {
        AssertProblem(await Expect(HttpStatusCode.BadRequest, Get(Auditor, $"/releases?{query}")), "BadInput", field);
    }

    [Fact]
    public async Task Readers_list_releases_and_no_one_without_a_token_does()
    {
        using var anonymous = Server.Client(null);
        AssertProblem(await Expect(HttpStatusCode.Unauthorized, Get(anonymous, "/releases")), "Unauthenticated");
        await Expect(HttpStatusCode.OK, Get(Operator, "/releases"));
        await Expect(HttpStatusCode.OK, Get(Auditor, "/releases"));
    }

    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient client)
    {
        var rows = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await Expect(HttpStatusCode.OK, Get(client, after is null ? "/releases?limit=200" : $"/releases?limit=200&after={Uri.EscapeDataString(after)}"));
            rows.AddRange(page.GetProperty("releases").EnumerateArray());
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        return rows;
    }

    private static int? Nullable(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();

    private static double? NullableDouble(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
}
