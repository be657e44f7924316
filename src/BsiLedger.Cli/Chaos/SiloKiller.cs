using System.Globalization;

namespace BsiLedger.Cli.Chaos;

/// <summary>
/// Every <c>--kill-every</c>, SIGKILLs a silo drawn at random (seeded) and starts it again at once on the same ports, as
/// a supervisor would; the new incarnation rejoins the cluster. One silo is down at most: a tick that finds a restart
/// still under way passes.
/// </summary>
public sealed class SiloKiller(IReadOnlyList<SiloProcess> silos, HttpClient http, TimeSpan every, int seed, ChaosLog log)
{
    private readonly List<SiloKill> _kills = [];
    private readonly List<Task> _restarts = [];

    public IReadOnlyList<SiloKill> Kills => _kills;

    /// <summary>Kills until <paramref name="stop"/> is cancelled, then waits for the last restart.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var random = new Random(seed);
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (silos.Any(s => !s.IsUp))
                {
                    log.Line("a silo is still restarting: no kill this time");
                    continue;
                }

                var silo = silos[random.Next(silos.Count)];
                var kill = new SiloKill(_kills.Count + 1, silo.Number, silo.ProcessId ?? 0, DateTimeOffset.UtcNow);
                silo.Kill();
                _kills.Add(kill);
                log.Line($"kill {kill.Number}: SIGKILL to silo {silo.Number} (pid {kill.ProcessId}); starting it again on the same ports");
                silo.Start();
                _restarts.Add(WaitBackAsync(silo, kill));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run's duration is over.
        }

        await Task.WhenAll(_restarts);
    }

    private async Task WaitBackAsync(SiloProcess silo, SiloKill kill)
    {
        await silo.WaitUpAsync(http, CancellationToken.None);
        kill.BackAfter = DateTimeOffset.UtcNow - kill.At;
        log.Line(string.Create(CultureInfo.InvariantCulture, $"silo {silo.Number} is back (pid {silo.ProcessId}) {kill.BackAfter.Value.TotalSeconds:0.0} s after kill {kill.Number}"));
    }
}
