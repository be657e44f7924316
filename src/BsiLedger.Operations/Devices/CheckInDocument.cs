using BsiLedger.Domain;
using BsiLedger.Grains.Devices;

namespace BsiLedger.Operations.Devices;

/// <summary>What a device took when it checked in, as <c>bsi device check-in --json</c> and <c>POST /devices/{id}/check-in</c> answer it.</summary>
public static class CheckInDocument
{
    public static object Of(string deviceId, CheckInReport report, Provenance provenance) => new
    {
        device = deviceId,
        withdrawn = report.Withdrawn.Select(r => r.ToString()).ToArray(),
        offered = report.Offered?.ToString(),
        outcome = report.Outcome,
        version = report.Version,
        correlationId = provenance.CorrelationId,
    };
}
