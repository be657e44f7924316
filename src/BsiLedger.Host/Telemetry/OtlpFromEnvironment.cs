using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace BsiLedger.Host.Telemetry;

/// <summary>
/// OTLP exporters configured by the standard variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>_PROTOCOL</c>,
/// <c>_HEADERS</c>, <c>_TIMEOUT</c>). <c>AddOtlpExporter</c> would read them from the host's configuration, and the
/// ledger's host takes none from the environment; the options' own constructor reads the environment itself.
/// </summary>
public static class OtlpFromEnvironment
{
    public static BaseProcessor<Activity> Traces() => new BatchActivityExportProcessor(new OtlpTraceExporter(new OtlpExporterOptions()));

    public static MetricReader Metrics() => new PeriodicExportingMetricReader(new OtlpMetricExporter(new OtlpExporterOptions()));
}
