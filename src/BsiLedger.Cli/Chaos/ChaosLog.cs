using System.Diagnostics;
using System.Globalization;

namespace BsiLedger.Cli.Chaos;

/// <summary>Progress on stderr (stdout is the result), one whole line at a time, each stamped with the run's wall time.</summary>
public sealed class ChaosLog(TextWriter stderr)
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Line(string text)
    {
        lock (_gate)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chaos {_clock.Elapsed.TotalSeconds,6:0.0}s: {text}"));
            stderr.Flush();
        }
    }
}
