using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BsiLedger.EventStore.Telemetry;

/// <summary>The project's own trace source and meter, both named "BsiLedger".</summary>
public static class LedgerTelemetry
{
    public const string Name = "BsiLedger";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
