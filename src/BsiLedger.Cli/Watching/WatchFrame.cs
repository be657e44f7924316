using System.Text.Json;

namespace BsiLedger.Cli.Watching;

/// <summary>
/// One look at a release: its rollout as <c>GET /releases/{id}</c> answers it, and the rates and gauges of the
/// <c>BsiLedger</c> meter for it (null where the token may not read <c>/metrics</c>).
/// </summary>
public sealed record WatchFrame(DateTimeOffset At, JsonElement Release, WatchRates? Rates, WaveGauge? Wave, double? RecallPending)
{
    public string Phase => Release.GetProperty("phase").GetString() ?? "";

    /// <summary>A rollout with nothing left to do: every wave completed, or its recall complete.</summary>
    public bool IsSettled =>
        Phase == "completed"
        || (Release.TryGetProperty("recall", out var recall) && recall.ValueKind == JsonValueKind.Object
            && recall.GetProperty("completedAt").ValueKind != JsonValueKind.Null);
}
