namespace BsiLedger.Host;

/// <summary>Where traces and metrics go: nowhere, the console (stderr), or an OTLP collector.</summary>
public enum TelemetryMode
{
    None,
    Console,
    Otlp,
}
