using System.Text.Json;
using BsiLedger.Cli.Watching;

namespace BsiLedger.Cli.Tests;

public sealed class WatchViewTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 3, 10, 15, 0, TimeSpan.Zero);

    private static WatchFrame Frame(string wave, string nextStepAt = "null") => new(At, JsonDocument.Parse($$"""
        {
          "release": "iOS 26.3.1 (a)", "phase": "running", "nextStepAt": {{nextStepAt}},
          "plan": { "minSample": 100, "waves": [ { "share": 0.1, "soak": "2d", "failureThreshold": 0.03 } ] },
          "waves": [ { "index": 0, "share": 0.1, "targeted": 120, "installed": 80, "applied": 40, "failed": 2, "awaiting": 38, "halted": false, {{wave}} } ]
        }
        """).RootElement, null, null, null);

    [Fact]
    public void A_paced_wave_shows_how_far_its_offers_went_its_rate_now_and_when_its_next_offers_are_due()
    {
        var line = WatchView.Line(Frame("\"slice\": 3150, \"offered\": 120, \"offerRate\": 400", "\"2026-03-03T11:00:00Z\""));

        Assert.Contains("offered 120 of 3,150 at 400/h, next offers 2026-03-03 11:00Z", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paced_wave_that_sends_nothing_now_shows_its_offers_without_a_rate_and_a_wave_offered_at_once_neither()
    {
        Assert.Contains("offered 120 of 3,150 ·", WatchView.Line(Frame("\"slice\": 3150, \"offered\": 120, \"offerRate\": null")) + " ·", StringComparison.Ordinal);
        Assert.DoesNotContain("offered", WatchView.Line(Frame("\"slice\": null, \"offered\": null, \"offerRate\": null")), StringComparison.Ordinal);
    }
}
