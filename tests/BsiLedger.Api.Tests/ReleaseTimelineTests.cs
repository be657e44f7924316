using System.Net;
using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary><c>GET /releases/{id}/timeline</c>: the release's series, point for point what its devices' histories say.</summary>
public sealed class ReleaseTimelineTests(ApiServerFixture server) : ApiTest(server)
{
    private static readonly DateTimeOffset BucketOrigin = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_series_agree_with_the_events_of_the_release_and_the_recall_drains_to_zero()
    {
        var (release, os) = NewRelease();
        await Publish(release);
        var kept = await EnrolledAsync(os);
        var removed = await EnrolledAsync(os);
        var failed = await EnrolledAsync(os);
        foreach (var device in new[] { kept, removed })
        {
            await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/install", new { release }));
            await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/apply", new { release }));
        }

        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{failed}/fail", new { release, reason = "disk full" }));
        // Past a one-second bucket, so the removal and the recall land in buckets of their own.
        await Task.Delay(TimeSpan.FromSeconds(1.2), TestContext.Current.CancellationToken);
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{removed}/uninstall"));
        await Task.Delay(TimeSpan.FromSeconds(1.2), TestContext.Current.CancellationToken);
        await Expect(HttpStatusCode.OK, Post(Operator, $"/releases/{Route(release)}/recall", new { reason = "breaks sign-in pages" }));

        var timeline = await DrainedAsync(release, "?points=1000");
        var bucket = timeline.GetProperty("bucketSeconds").GetInt64();
        Assert.Equal(1, bucket);
        Assert.Equal(release, timeline.GetProperty("release").GetString());
        var events = await EventsAsync(release, kept, removed, failed);

        var adoption = Steps(events.Where(e => e.Type is "bsi.bsi-applied" or "bsi.bsi-withdrawn" or "bsi.bsi-uninstalled")
            .Select(e => (Bin(e.At, bucket), e.Type == "bsi.bsi-applied" ? 1 : -1)));
        Assert.Equal(adoption, timeline.GetProperty("adoption").EnumerateArray().Select(p => (p.GetProperty("at").GetDateTimeOffset(), p.GetProperty("devices").GetInt32())));
        Assert.Equal((2, 0), (adoption.Max(p => p.Value), adoption[^1].Value));

        var reports = events.Where(e => e.Type is "bsi.bsi-installed" or "bsi.bsi-install-failed").ToArray();
        var failedSteps = Steps(reports.Select(e => (Bin(e.At, bucket), e.Type == "bsi.bsi-install-failed" ? 1 : 0)));
        var attemptSteps = Steps(reports.Select(e => (Bin(e.At, bucket), 1)));
        var failures = timeline.GetProperty("failures").EnumerateArray().ToArray();
        Assert.Equal(failedSteps, failures.Select(p => (p.GetProperty("at").GetDateTimeOffset(), p.GetProperty("failed").GetInt32())));
        Assert.Equal(attemptSteps, failures.Select(p => (p.GetProperty("at").GetDateTimeOffset(), p.GetProperty("attempts").GetInt32())));
        Assert.Equal((1, 3), (failures[^1].GetProperty("failed").GetInt32(), failures[^1].GetProperty("attempts").GetInt32()));

        var issuedAt = (await Expect(HttpStatusCode.OK, Get(Auditor, $"/releases/{Route(release)}"))).GetProperty("recall").GetProperty("issuedAt").GetDateTimeOffset();
        var recall = timeline.GetProperty("recall");
        Assert.Equal(issuedAt, recall.GetProperty("issuedAt").GetDateTimeOffset());
        Assert.Equal(1, recall.GetProperty("exposed").GetInt32());
        var withdrawnAt = Assert.Single(events, e => e.Type == "bsi.bsi-withdrawn").At;
        var drain = Steps(new[] { (issuedAt, 1), (Later(Bin(withdrawnAt, bucket), issuedAt), -1) });
        Assert.Equal(drain, recall.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("at").GetDateTimeOffset(), p.GetProperty("pending").GetInt32())));
        Assert.Equal(0, drain[^1].Value);
    }

    [Fact]
    public async Task Fewer_points_widen_the_bucket_to_hold_the_span()
    {
        var (release, os) = NewRelease();
        await Publish(release);
        var device = await EnrolledAsync(os);
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/install", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/apply", new { release }));
        await Task.Delay(TimeSpan.FromSeconds(2.2), TestContext.Current.CancellationToken);
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/uninstall"));

        var timeline = await Expect(HttpStatusCode.OK, Get(Auditor, $"/releases/{Route(release)}/timeline?points=1"));
        var bucket = timeline.GetProperty("bucketSeconds").GetInt64();
        var events = await EventsAsync(release, device);
        Assert.True(bucket >= (events[^1].At - events[0].At).TotalSeconds, $"a bucket of {bucket} s is shorter than the span");
        Assert.InRange(timeline.GetProperty("adoption").GetArrayLength(), 1, 2);
        Assert.Equal(0, timeline.GetProperty("adoption").EnumerateArray().Last().GetProperty("devices").GetInt32());
    }

    [Fact]
    public async Task A_release_never_rolled_out_has_empty_series()
    {
        var (release, _) = NewRelease();
        await Publish(release);
        var timeline = await Expect(HttpStatusCode.OK, Get(Auditor, $"/releases/{Route(release)}/timeline"));
        Assert.Equal(0, timeline.GetProperty("adoption").GetArrayLength());
        Assert.Equal(0, timeline.GetProperty("failures").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, timeline.GetProperty("recall").ValueKind);
    }

    [Fact]
    public async Task An_unknown_release_is_404_and_a_bad_points_is_400_naming_it()
    {
        AssertProblem(await Expect(HttpStatusCode.NotFound, Get(Auditor, $"/releases/{Route(NewRelease().Release)}/timeline")), "ReleaseNotPublished");
        var (release, _) = NewRelease();
        await Publish(release);
        foreach (var points in new[] { "0", "1001", "many", "-5" })
        {
            AssertProblem(await Expect(HttpStatusCode.BadRequest, Get(Auditor, $"/releases/{Route(release)}/timeline?points={points}")), "BadInput", "points");
        }
    }

    private async Task<string> EnrolledAsync(string os)
    {
        var device = UniqueIds.Device();
        await Enroll(device, os);
        return device;
    }

    /// <summary>The timeline once the recall has withdrawn the release from every device it reached.</summary>
    private async Task<JsonElement> DrainedAsync(string release, string query)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var timeline = await Expect(HttpStatusCode.OK, Get(Auditor, $"/releases/{Route(release)}/timeline{query}"));
            var points = timeline.GetProperty("recall").GetProperty("points");
            if (points[points.GetArrayLength() - 1].GetProperty("pending").GetInt32() == 0 || DateTimeOffset.UtcNow > deadline)
            {
                return timeline;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The devices' events that name the release, in domain-time order, as their histories give them.</summary>
    private async Task<(string Type, DateTimeOffset At)[]> EventsAsync(string release, params string[] devices)
    {
        var events = new List<(string, DateTimeOffset)>();
        foreach (var device in devices)
        {
            var history = await Expect(HttpStatusCode.OK, Get(Auditor, $"/audit/devices/{device}/history"));
            events.AddRange(history.GetProperty("events").EnumerateArray()
                .Where(e => (e.TryGetProperty("release", out var named) && named.ValueKind == JsonValueKind.String && named.GetString() == release)
                    || e.GetProperty("type").GetString() == "bsi.bsi-uninstalled")
                .Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("at").GetDateTimeOffset())));
        }

        return [.. events.OrderBy(e => e.Item2)];
    }

    private static DateTimeOffset Bin(DateTimeOffset at, long seconds)
    {
        var width = TimeSpan.FromSeconds(seconds).Ticks;
        return BucketOrigin.AddTicks((at - BucketOrigin).Ticks / width * width);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>A running total at each instant a change lands on, in time order.</summary>
    private static (DateTimeOffset At, int Value)[] Steps(IEnumerable<(DateTimeOffset At, int Change)> changes)
    {
        var total = 0;
        return [.. changes.GroupBy(c => c.At).OrderBy(g => g.Key).Select(g => (g.Key, total += g.Sum(c => c.Change)))];
    }
}
