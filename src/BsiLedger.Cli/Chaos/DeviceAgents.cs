using System.Diagnostics;
using BsiLedger.Api.Auth;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Cli.Chaos;

/// <summary>
/// The fleet's devices, simulated in this process: sweep after sweep in a seeded order, a bounded number at a time, each
/// device checks in with its own token and, when it is offered a release, reports the install and the apply (or, for a
/// seeded few, the failure). Every report carries an idempotency key of its own, kept across retries.
/// </summary>
public sealed class DeviceAgents(ClusterApi api, DeviceTokens tokens, IReadOnlyList<string> devices, int seed, Acknowledgements acknowledged)
{
    private const int InFlight = 24;

    private static readonly TimeSpan ShortestSweep = TimeSpan.FromSeconds(2);

    private long _checkIns;
    private long _reports;

    public long CheckIns => Interlocked.Read(ref _checkIns);

    /// <summary>Installs, applies and failures the silos took.</summary>
    public long Reports => Interlocked.Read(ref _reports);

    public int Sweeps { get; private set; }

    /// <summary>Sweeps until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var random = new Random(seed);
        var options = new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = stop };
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var order = devices.ToArray();
                random.Shuffle(order);
                var sweep = Stopwatch.StartNew();
                await Parallel.ForEachAsync(order, options, (device, ct) => new ValueTask(ServeAsync(device, ct)));
                Sweeps++;
                if (sweep.Elapsed < ShortestSweep)
                {
                    await Task.Delay(ShortestSweep - sweep.Elapsed, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    /// <summary>Whether this device's install of <paramref name="release"/> fails: seeded, the same on every run.</summary>
    private bool Fails(string device, string release) =>
        Cohort.Position($"chaos-fail\n{seed}\n{release}\n{device}") < ChaosSettings.FailingShare;

    private async Task ServeAsync(string device, CancellationToken ct)
    {
        var token = tokens.Issue(device);
        var checkIn = await api.SendAsync(HttpMethod.Post, $"devices/{Uri.EscapeDataString(device)}/check-in", token, null, NewKey(), ct);
        Interlocked.Increment(ref _checkIns);
        if (!checkIn.IsSuccess)
        {
            return;
        }

        if (checkIn.Body.TryGetProperty("withdrawn", out var withdrawn) && withdrawn.GetArrayLength() > 0)
        {
            acknowledged.Add(device, checkIn.Text("correlationId"));
        }

        if (checkIn.Text("offered") is not { } release)
        {
            return;
        }

        switch (checkIn.Text("outcome"))
        {
            case "awaiting" when Fails(device, release):
                await ReportAsync(device, token, "fail", new { release, reason = "chaos: the signing service refused the device" }, ct);
                break;
            case "awaiting":
                if (await ReportAsync(device, token, "install", new { release }, ct))
                {
                    await ReportAsync(device, token, "apply", new { release }, ct);
                }

                break;
            case "installed":
                // Staged on an earlier sweep whose apply went unanswered.
                await ReportAsync(device, token, "apply", new { release }, ct);
                break;
        }
    }

    /// <summary>True when the silo took the report (or had taken it already).</summary>
    private async Task<bool> ReportAsync(string device, string token, string what, object body, CancellationToken ct)
    {
        var reply = await api.SendAsync(HttpMethod.Post, $"devices/{Uri.EscapeDataString(device)}/{what}", token, body, NewKey(), ct);
        if (reply.AcceptedCommandId is { } command)
        {
            Interlocked.Increment(ref _reports);
            acknowledged.Add(device, command);
        }

        return reply.IsSuccess;
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
