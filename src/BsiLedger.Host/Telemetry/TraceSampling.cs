using System.Globalization;
using OpenTelemetry.Trace;

namespace BsiLedger.Host.Telemetry;

/// <summary>
/// The sampler the standard variables name: <c>OTEL_TRACES_SAMPLER</c> (always_on, always_off, traceidratio and their
/// parentbased_ forms) with <c>OTEL_TRACES_SAMPLER_ARG</c> as the ratio. Read here rather than left to the SDK, which
/// reads them from the host's configuration, and the ledger's host takes none from the environment. As the
/// specification says, an unknown sampler means the default (parentbased_always_on) and a bad ratio means 1.
/// </summary>
public static class TraceSampling
{
    public const string SamplerVariable = "OTEL_TRACES_SAMPLER";

    public const string ArgumentVariable = "OTEL_TRACES_SAMPLER_ARG";

    public static Sampler FromEnvironment() =>
        Named(Environment.GetEnvironmentVariable(SamplerVariable), Environment.GetEnvironmentVariable(ArgumentVariable));

    public static Sampler Named(string? sampler, string? argument) => sampler?.Trim().ToLowerInvariant() switch
    {
        "always_on" => new AlwaysOnSampler(),
        "always_off" => new AlwaysOffSampler(),
        "traceidratio" => new TraceIdRatioBasedSampler(Ratio(argument)),
        "parentbased_always_off" => new ParentBasedSampler(new AlwaysOffSampler()),
        "parentbased_traceidratio" => new ParentBasedSampler(new TraceIdRatioBasedSampler(Ratio(argument))),
        _ => new ParentBasedSampler(new AlwaysOnSampler()),
    };

    private static double Ratio(string? argument) =>
        double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1 ? ratio : 1;
}
