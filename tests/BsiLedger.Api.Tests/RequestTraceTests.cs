using System.Diagnostics;
using System.Net;
using BsiLedger.Host.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace BsiLedger.Api.Tests;

/// <summary>
/// A request to <c>bsi serve</c> is one trace: ASP.NET Core's server span at the root, then the grain, the device's
/// append and the database command that made it durable, captured with OpenTelemetry's in-memory exporter.
/// </summary>
public sealed class RequestTraceTests : ApiTest, IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _tracing;

    public RequestTraceTests(ApiServerFixture server)
        : base(server)
    {
        _tracing = Sdk.CreateTracerProviderBuilder().AddLedgerSources().AddAspNetCoreInstrumentation().SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(_spans).Build()!;
    }

    [Fact]
    public async Task A_device_report_over_HTTP_is_one_trace_from_the_request_through_the_device_grain_to_the_database()
    {
        var (release, os) = NewRelease();
        await Publish(release);
        var device = Testing.UniqueIds.Device();
        await Enroll(device, os);

        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{device}/install", new { release }));
        _tracing.ForceFlush();

        var spans = _spans.ToArray();
        var append = Assert.Single(spans, s => s.OperationName == "journal.append" && (string?)s.GetTagItem("bsi.stream") == device && s.Parent is not null
            && Chain(spans, s).Any(p => p.OperationName == "device InstallBsi"));
        var chain = Chain(spans, append);
        var root = chain[0];
        Assert.Equal("Microsoft.AspNetCore", root.Source.Name);
        Assert.Equal(ActivityKind.Server, root.Kind);
        Assert.Equal("POST /devices/{id}/install", root.DisplayName);
        Assert.Equal(["device InstallBsi", "journal.append"], chain.Select(s => s.OperationName).Where(n => n is "device InstallBsi" or "journal.append"));
        var commit = Assert.Single(spans, s => s.OperationName == "journal.commit" && s.ParentSpanId == append.SpanId);
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.ParentSpanId == commit.SpanId);
        Assert.All(chain, s => Assert.Equal(root.TraceId, s.TraceId));
    }

    public void Dispose() => _tracing.Dispose();

    /// <summary>The spans from the trace's root down to <paramref name="span"/>, root first.</summary>
    private static List<Activity> Chain(Activity[] spans, Activity span)
    {
        var byId = spans.Where(s => s.TraceId == span.TraceId).ToDictionary(s => s.SpanId);
        var chain = new List<Activity>();
        for (Activity? at = span; at is not null; at = byId.GetValueOrDefault(at.ParentSpanId))
        {
            chain.Insert(0, at);
        }

        return chain;
    }
}
