using BsiLedger.EventStore.ReadModels;

namespace BsiLedger.Operations.Audit;

/// <summary>
/// One exposure window as both audit routes show it: a release's list names the device of each window, a device's
/// list the release; the rest is the same, so the two answers read alike.
/// </summary>
public static class ExposureWindowFields
{
    public static IReadOnlyDictionary<string, object?> Of(string key, string name, ExposureWindow w) => new Dictionary<string, object?>
    {
        [key] = name,
        ["from"] = w.From,
        ["to"] = w.To,
        ["stillExposed"] = w.StillExposed,
        ["durationSeconds"] = w.To is { } to ? (to - w.From).TotalSeconds : null,
        ["ending"] = w.Ending,
        ["recallId"] = w.RecallId,
        ["correlationId"] = w.CorrelationId,
    };
}
