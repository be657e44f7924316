using BsiLedger.Host.Telemetry;
using BsiLedger.Testing;
using OpenTelemetry.Trace;

namespace BsiLedger.Cli.Tests;

/// <summary>--telemetry otlp sends to the collector the standard variables name, sampled as they say.</summary>
public sealed class TelemetryExportTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Otlp_exports_the_commands_trace_and_the_ledgers_metrics_to_the_endpoint_the_environment_names()
    {
        await using var collector = new OtlpReceiver();

        var run = await EnrollAsync(collector, sampler: null);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(collector.Received("/v1/traces", "bsi device enroll"), $"no trace of the command among {collector.Exports.Count} exports");
        Assert.True(collector.Received("/v1/metrics", "bsi.journal.events_appended"), "no ledger metrics exported");
    }

    [Fact]
    public async Task Otel_traces_sampler_always_off_keeps_traces_from_the_collector_but_not_metrics()
    {
        await using var collector = new OtlpReceiver();

        var run = await EnrollAsync(collector, sampler: "always_off");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(collector.Received("/v1/traces", "bsi device enroll"));
        Assert.True(collector.Received("/v1/metrics", "bsi.journal.events_appended"));
    }

    [Theory]
    [InlineData("always_on", null, "AlwaysOnSampler")]
    [InlineData("always_off", null, "AlwaysOffSampler")]
    [InlineData("traceidratio", "0.25", "TraceIdRatioBasedSampler{0.250000}")]
    [InlineData("parentbased_traceidratio", "0.1", "ParentBased{TraceIdRatioBasedSampler{0.100000}}")]
    [InlineData("parentbased_always_off", null, "ParentBased{AlwaysOffSampler}")]
    [InlineData(null, null, "ParentBased{AlwaysOnSampler}")]
    [InlineData("sometimes", null, "ParentBased{AlwaysOnSampler}")]
    [InlineData("traceidratio", "2", "TraceIdRatioBasedSampler{1.000000}")]
    public void The_sampler_is_the_one_the_standard_variables_name(string? sampler, string? argument, string expected) =>
        Assert.Equal(expected, TraceSampling.Named(sampler, argument).Description);

    private Task<BsiRun> EnrollAsync(OtlpReceiver collector, string? sampler)
    {
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };
        if (sampler is not null)
        {
            environment["OTEL_TRACES_SAMPLER"] = sampler;
        }

        return Bsi.RunAsync(
            ["device", "enroll", UniqueIds.Device(), "--platform", "iOS", "--os", "26.3.1", "--connection", postgres.ConnectionString, "--telemetry", "otlp"],
            environment);
    }
}
