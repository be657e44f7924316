using BsiLedger.EventStore.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BsiLedger.Host.Telemetry;

public static class LedgerTelemetryRegistration
{
    /// <summary>The trace sources followed from a command to the database: ours, Orleans', Marten's and Npgsql's.</summary>
    public static readonly string[] TraceSources = [LedgerTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Marten", "Npgsql"];

    public static readonly string[] Meters = [LedgerTelemetry.Name, "Microsoft.Orleans", "Marten", "Npgsql"];

    public static IServiceCollection AddLedgerTelemetry(this IServiceCollection services, TelemetryMode mode)
    {
        if (mode == TelemetryMode.None)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("bsiledger"))
            .WithTracing(tracing =>
            {
                tracing.AddLedgerSources();
                _ = mode == TelemetryMode.Otlp ? tracing.AddProcessor(OtlpFromEnvironment.Traces()) : tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddLibraryMetricViews();
                _ = mode == TelemetryMode.Otlp ? metrics.AddReader(OtlpFromEnvironment.Metrics()) : metrics.AddConsoleExporter();
            });
        return services;
    }

    /// <summary>Every source of a command's trace, sampled as <c>OTEL_TRACES_SAMPLER</c> says; the exporter is the caller's.</summary>
    public static TracerProviderBuilder AddLedgerSources(this TracerProviderBuilder tracing) =>
        tracing.AddSource(TraceSources).AddNpgsql().SetSampler(TraceSampling.FromEnvironment());
}
