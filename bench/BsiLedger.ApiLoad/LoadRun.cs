using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace BsiLedger.ApiLoad;

/// <summary>
/// Enrols the devices (untimed), then two timed phases from this process over loopback: <c>GET /health</c> (one
/// database ping: the floor of a round trip through the server) and the device reports, each device with its own token
/// installing, applying, then checking in, one request after another.
/// </summary>
public static class LoadRun
{
    private const string Release = "iOS 26.3.1 (a)";

    private static readonly string[] Components = ["WebKit"];

    public static async Task<int> ExecuteAsync(LoadOptions options)
    {
        await Console.Error.WriteLineAsync("starting bsi serve on a private embedded PostgreSQL…");
        await using var served = await ServedLedger.StartAsync();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency };
        using var http = new HttpClient(handler) { BaseAddress = served.Address, Timeout = TimeSpan.FromMinutes(2) };

        await SendAsync(http, served.OperatorToken, HttpMethod.Post, "/releases", new { id = Release, components = Components });
        await Console.Error.WriteLineAsync($"enrolling {options.Devices:N0} devices…");
        var tokens = new string[options.Devices];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Devices), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (i, ct) =>
        {
            using var enrolled = await SendAsync(http, served.OperatorToken, HttpMethod.Post, "/devices", new { id = DeviceId(i), platform = "iOS", os = "26.3.1" });
            using var document = JsonDocument.Parse(await enrolled.Content.ReadAsStringAsync(ct));
            tokens[i] = document.RootElement.GetProperty("deviceToken").GetString()!;
        });

        var floor = await TimedAsync("health (one database ping)", options.Reports, options.Concurrency, async (latencies, i) =>
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            latencies.Record(clock.Elapsed, response.StatusCode);
        });

        var perDevice = (int)Math.Ceiling((double)options.Reports / options.Devices);
        var reports = await TimedAsync("device reports (install, apply, check-ins)", options.Devices, options.Concurrency, async (latencies, i) =>
        {
            for (var step = 0; step < perDevice && (step * options.Devices) + i < options.Reports; step++)
            {
                var (path, body) = Report(i, step);
                var clock = Stopwatch.StartNew();
                using var response = await SendAsync(http, tokens[i], HttpMethod.Post, path, body, throwOnError: false);
                latencies.Record(clock.Elapsed, response.StatusCode);
            }
        });

        var report = new LoadReport(options, floor, reports, Environment.ProcessorCount, TimeProvider.System.GetUtcNow());
        report.WriteTable(Console.Out);
        await report.WriteAsync(options.OutFile);
        Console.WriteLine($"Figures written to {options.OutFile}.");
        return reports.ServerErrors == 0 ? 0 : 1;
    }

    private static (string Path, object? Body) Report(int device, int step)
    {
        var path = $"/devices/{Uri.EscapeDataString(DeviceId(device))}";
        return step switch
        {
            0 => ($"{path}/install", new { release = Release }),
            1 => ($"{path}/apply", new { release = Release }),
            _ => ($"{path}/check-in", null),
        };
    }

    private static string DeviceId(int i) => string.Create(CultureInfo.InvariantCulture, $"load-{i:D7}");

    /// <summary>Runs <paramref name="work"/> for 0..count-1, <paramref name="concurrency"/> at once, timing the whole.</summary>
    private static async Task<PhaseFigures> TimedAsync(string phase, int count, int concurrency, Func<Latencies, int, Task> work)
    {
        await Console.Error.WriteLineAsync($"{phase}…");
        var latencies = new Latencies(phase);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await work(latencies, i));
        return latencies.Figures(clock.Elapsed);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string token, HttpMethod method, string path, object? body, bool throwOnError = true)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await http.SendAsync(request);
        if (throwOnError && !response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {problem}");
        }

        return response;
    }
}
