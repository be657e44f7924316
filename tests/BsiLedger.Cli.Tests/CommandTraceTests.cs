using System.Diagnostics;
using BsiLedger.Host.Telemetry;
using BsiLedger.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// One trace per operator command: the command's root span, the grains it reaches, each device's append and the
/// database command that made it durable, captured with OpenTelemetry's in-memory exporter.
/// </summary>
public sealed class CommandTraceTests : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _tracing;
    private readonly InProcessBsi _bsi;

    public CommandTraceTests(PostgresFixture postgres)
    {
        _bsi = new InProcessBsi(postgres.ConnectionString);
        _tracing = Sdk.CreateTracerProviderBuilder().AddLedgerSources().SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(_spans).Build()!;
    }

    [Fact]
    public async Task A_recall_is_one_trace_from_the_command_through_the_release_shard_and_device_grains_to_the_database()
    {
        var os = UniqueIds.BaseVersion();
        var release = $"iOS {os} (a)";
        var device = UniqueIds.Device();
        await Bsi("device", "enroll", device, "--platform", "iOS", "--os", os);
        await Bsi("release", "publish", release, "--components", "WebKit");
        await Bsi("device", "install", device, release);

        await Bsi("release", "recall", release, "--reason", "breaks sign-in pages");

        var chain = ChainToDatabase("bsi release recall", device);
        AssertInOrder(chain, "bsi release recall", "release recall", "shard withdraw", "device withdraw", "journal.append", "journal.commit");
        Assert.Contains(chain, span => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_device_report_is_one_trace_from_the_command_through_the_device_grain_to_the_database()
    {
        var os = UniqueIds.BaseVersion();
        var release = $"iOS {os} (a)";
        var device = UniqueIds.Device();
        await Bsi("device", "enroll", device, "--platform", "iOS", "--os", os);
        await Bsi("release", "publish", release, "--components", "WebKit");

        await Bsi("device", "install", device, release);

        var chain = ChainToDatabase("bsi device install", device);
        AssertInOrder(chain, "bsi device install", "device InstallBsi", "journal.append", "journal.commit");
    }

    public void Dispose() => _tracing.Dispose();

    private async Task Bsi(params string[] args)
    {
        var run = await _bsi.RunAsync(args);
        Assert.True(run.ExitCode == 0, $"bsi {string.Join(' ', args)}\n{run}");
    }

    /// <summary>
    /// The spans from the command's root down to a database command under the commit of the device's append, root
    /// first; every one of them in the root's trace.
    /// </summary>
    private List<Activity> ChainToDatabase(string command, string device)
    {
        // The exporter adds spans as background work ends them (the read models' daemon, a coalesced status read):
        // read a copy, which List.ToArray takes without checking for a concurrent add.
        var spans = _spans.ToArray();
        var root = Assert.Single(spans, s => s.OperationName == command);
        Assert.Equal(default, root.ParentSpanId);
        var trace = spans.Where(s => s.TraceId == root.TraceId).ToDictionary(s => s.SpanId);
        var append = Assert.Single(trace.Values, s => s.OperationName == "journal.append" && (string?)s.GetTagItem("bsi.stream") == device);
        var commit = Assert.Single(trace.Values, s => s.OperationName == "journal.commit" && s.ParentSpanId == append.SpanId);
        var database = trace.Values.First(s => s.Source.Name == "Npgsql" && s.ParentSpanId == commit.SpanId);

        var chain = new List<Activity>();
        for (var span = database; span is not null; span = trace.GetValueOrDefault(span.ParentSpanId))
        {
            chain.Insert(0, span);
        }

        Assert.Same(root, chain[0]);
        return chain;
    }

    private static void AssertInOrder(List<Activity> chain, params string[] names)
    {
        var found = chain.Select(s => s.OperationName).Where(names.Contains).ToArray();
        Assert.Equal(names, found);
    }
}
