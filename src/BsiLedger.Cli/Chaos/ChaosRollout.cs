using System.Diagnostics;
using System.Text.Json;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Cli.Chaos;

/// <summary>
/// The operator's part, through the cluster's API: enrol the fleet; publish, plan and start a release in three waves;
/// recall it while its second wave is under way; then publish and start the fix that supersedes it, offered at a pace
/// that lasts past the run, so the rollout keeps moving (and every kill, the last too, is measured against it) to the end.
/// </summary>
public sealed class ChaosRollout(ClusterApi api, string token, ChaosSettings settings, Acknowledgements acknowledged, ChaosLog log)
{
    public static readonly ReleaseId Recalled = ReleaseId.Parse("iOS 26.3.1 (a)");

    public static readonly ReleaseId Fix = ReleaseId.Parse("iOS 26.3.1 (b)");

    private const int EnrolInFlight = 32;

    private static readonly string[] Components = ["WebKit"];

    private static readonly string[] Cves = ["CVE-2026-20001"];

    public static IReadOnlyList<string> DeviceIds(int count) => [.. Enumerable.Range(0, count).Select(i => $"chaos-{i:D7}")];

    public async Task EnrolAsync(IReadOnlyList<string> devices, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = EnrolInFlight, CancellationToken = ct };
        await Parallel.ForEachAsync(devices, options, async (device, cancel) =>
        {
            var reply = await api.SendAsync(HttpMethod.Post, "devices", token,
                new { id = device, platform = "iOS", os = Recalled.Base.ToString(), model = "iPhone18,1" }, NewKey(), cancel);
            Require(reply, $"enrol {device}");
            acknowledged.Add(device, reply.AcceptedCommandId);
        });
    }

    /// <summary>Runs the script; returns once the fix's rollout has started (or the duration is nearly over).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var soak = Durations.Format(settings.Soak);
        await PublishAsync(Recalled, null, ct);
        await CommandAsync(Recalled, "plan", new
        {
            waves = new object[]
            {
                new { share = 0.05, soak, failureThreshold = ChaosSettings.FailureThreshold },
                new { share = 0.25, soak, failureThreshold = ChaosSettings.FailureThreshold },
                new { share = 1.0, soak = "0s", failureThreshold = ChaosSettings.FailureThreshold },
            },
            minSample = 100,
        }, ct);
        await CommandAsync(Recalled, "start", null, ct);
        log.Line($"rollout of {Recalled} started: waves 5%, 25%, 100%, each soaking {soak}");

        // Mid-wave: half a soak into the second wave. A cluster too slow to get there is recalled by three quarters of the run anyway.
        var latest = settings.Duration * 0.75;
        while (clock.Elapsed < latest && await WavesStartedAsync(Recalled, ct) < 2)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        var second = clock.Elapsed < latest;
        log.Line(second ? "second wave under way" : "the second wave has not started: recalling in the first");
        var wait = settings.Soak / 2 < latest - clock.Elapsed ? settings.Soak / 2 : latest - clock.Elapsed;
        if (second && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }

        await CommandAsync(Recalled, "recall", new { reason = "chaos: recalled mid-wave" }, ct);
        log.Line($"recall of {Recalled} issued");
        await PublishAsync(Fix, Recalled, ct);
        // Offered to the whole fleet at once, the fix could be everywhere before the last kill, which no rollout event
        // would then follow: it is spread over what is left of the run and a soak beyond it.
        var spread = Durations.Format(TimeSpan.FromSeconds(Math.Ceiling((settings.Duration - clock.Elapsed + settings.Soak).TotalSeconds)));
        await CommandAsync(Fix, "plan", new
        {
            waves = new[] { new { share = 1.0, soak = spread, failureThreshold = ChaosSettings.FailureThreshold, pacing = new { spreadOver = spread } } },
            minSample = 100,
        }, ct);
        await CommandAsync(Fix, "start", null, ct);
        log.Line($"rollout of {Fix}, superseding it, started to the whole fleet, spread over {spread}");
    }

    public async Task<bool> RecallCompletedAsync(CancellationToken ct)
    {
        var status = await api.SendAsync(HttpMethod.Get, Route(Recalled), token, null, null, ct);
        return status.IsSuccess && status.Body.TryGetProperty("recall", out var recall) && recall.ValueKind == JsonValueKind.Object
            && recall.TryGetProperty("completedAt", out var completed) && completed.ValueKind == JsonValueKind.String;
    }

    private async Task<int> WavesStartedAsync(ReleaseId release, CancellationToken ct)
    {
        var status = await api.SendAsync(HttpMethod.Get, Route(release), token, null, null, ct);
        return status.IsSuccess && status.Body.TryGetProperty("waves", out var waves) ? waves.GetArrayLength() : 0;
    }

    private async Task PublishAsync(ReleaseId release, ReleaseId? supersedes, CancellationToken ct)
    {
        var reply = await api.SendAsync(HttpMethod.Post, "releases", token, new
        {
            id = release.ToString(),
            components = Components,
            cves = Cves,
            activation = "relaunch",
            supersedes = supersedes?.ToString(),
        }, NewKey(), ct);
        Require(reply, $"publish {release}");
        acknowledged.Add(release.ToString(), reply.AcceptedCommandId);
    }

    private async Task CommandAsync(ReleaseId release, string command, object? body, CancellationToken ct)
    {
        var reply = await api.SendAsync(HttpMethod.Post, $"{Route(release)}/{command}", token, body, NewKey(), ct);
        Require(reply, $"{command} {release}");
        acknowledged.Add(release.ToString(), reply.AcceptedCommandId);
    }

    /// <summary>
    /// A refusal (409) is what a retried command meets when its first attempt took effect and the ledger could not tell
    /// it was the same command: seen, not fatal. Anything else means the script cannot go on.
    /// </summary>
    private void Require(ApiReply reply, string what)
    {
        if (reply.IsSuccess)
        {
            return;
        }

        if (reply.Status == 409)
        {
            log.Line($"{what}: refused {reply.Text("code")} (a retry of a command that had taken effect?)");
            return;
        }

        throw new ChaosApiException($"{what}: the cluster answered {reply.Status} {reply.Text("code")}: {reply.Text("detail")}");
    }

    private static string Route(ReleaseId release) => $"releases/{Uri.EscapeDataString(release.ToString())}";

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
