namespace BsiLedger.ApiLoad;

/// <summary>One phase's requests: how many, how fast, how long each took (milliseconds), and what the server answered.</summary>
public sealed record PhaseFigures(
    string Phase,
    int Requests,
    double Seconds,
    double RequestsPerSecond,
    double P50,
    double P90,
    double P99,
    double Max,
    IReadOnlyDictionary<string, int> Statuses)
{
    public int ServerErrors => Statuses.Where(s => s.Key.StartsWith('5')).Sum(s => s.Value);
}
