using System.Globalization;

namespace BsiLedger.Simulation.Runs;

/// <summary>
/// How far a stage of the run is (devices enrolled, or domain hours stepped through), with the ledger's events
/// so far: the events keep moving while one long wave fan-out holds the stage's own count still.
/// </summary>
/// <param name="EventsPerSecond">Over the last interval, not the whole run: what the database is doing now.</param>
/// <param name="WaitingForDatabase">How long the run has been waiting out a database outage, or null while the database answers.</param>
public sealed record ProgressUpdate(string Stage, long Done, long Total, string Unit, TimeSpan Elapsed, long Events, double EventsPerSecond, TimeSpan? WaitingForDatabase = null)
{
    public double Rate => Done / Math.Max(Elapsed.TotalSeconds, 0.001);

    /// <summary>At the stage's average rate so far; null until it has one.</summary>
    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds(Math.Max(Total - Done, 0) / Rate) : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Stage} {Done:N0}/{Total:N0} {Unit} ({Rate:N0}/s, ETA {(Eta is { } eta ? eta.ToString(@"mm\:ss", CultureInfo.InvariantCulture) : "--:--")}) · {Events:N0} events ({EventsPerSecond:N0}/s)")
        + (WaitingForDatabase is { } waiting ? string.Create(CultureInfo.InvariantCulture, $" · waiting for the database ({waiting.TotalSeconds:0} s)") : "");
}
