using System.Diagnostics;

namespace BsiLedger.ProofBench;

/// <summary>Wall-clock milliseconds of one call, and the figures of several.</summary>
public static class Timed
{
    public static async Task<(T Result, double Milliseconds)> RunAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        var result = await call();
        return (result, clock.Elapsed.TotalMilliseconds);
    }

    public static string Summary(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return $"median {sorted[sorted.Length / 2]:N1} ms, max {sorted[^1]:N1} ms over {sorted.Length}";
    }
}
