using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BsiLedger.EventStore.Postgres;

namespace BsiLedger.Cli.Tests.Serving;

/// <summary>
/// <c>bsi serve</c> in a child process of its own against a given database, with operator and auditor tokens and a device key, reached over loopback
/// HTTP; <see cref="Kill"/> is <c>kill -9</c>.
/// </summary>
public sealed class ServedBsi : IAsyncDisposable
{
    public const string OperatorToken = "operator-token-for-tests";

    public const string AuditorToken = "auditor-token-for-tests";

    /// <summary>The key device tokens are derived from: an enrolment answers the device's own token.</summary>
    public const string DeviceKey = "device-key-for-tests";

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private bool _disposed;

    private ServedBsi(Process process, Uri address)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken);
    }

    public HttpClient Http { get; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the server and returns once <c>/health</c> answers 200. Unless <paramref name="serveOptions"/> names a
    /// <c>--cluster</c>, the silo is a cluster of its own: tests sharing a database must not share grains.
    /// </summary>
    public static Task<ServedBsi> StartAsync(string connectionString, TimeSpan advanceEvery, params string[] serveOptions) =>
        StartAsync(["--connection", connectionString], advanceEvery, serveOptions, port: null);

    /// <summary>A server started again where <paramref name="before"/> listened, as a restarted service would be.</summary>
    public static Task<ServedBsi> StartAtAsync(ServedBsi before, string connectionString, TimeSpan advanceEvery) =>
        StartAsync(["--connection", connectionString], advanceEvery, [], before.Http.BaseAddress!.Port);

    /// <summary>As <see cref="StartAsync(string, TimeSpan, string[])"/>, on the embedded PostgreSQL of <paramref name="dataDirectory"/>.</summary>
    public static Task<ServedBsi> StartEmbeddedAsync(string dataDirectory, TimeSpan advanceEvery, params string[] serveOptions) =>
        StartAsync(["--data-dir", dataDirectory], advanceEvery, serveOptions, port: null);

    private static async Task<ServedBsi> StartAsync(string[] ledger, TimeSpan advanceEvery, string[] serveOptions, int? port)
    {
        // A port picked here (or by serve for its silo) was free when picked, not necessarily seconds later when serve
        // binds it: a start that lost that race is tried again on other ports.
        for (var attempt = 1; ; attempt++)
        {
            var served = Launch(ledger, advanceEvery, serveOptions, port ?? FreeTcpPort.Pick());
            try
            {
                await served.WaitHealthyAsync();
                return served;
            }
            catch (InvalidOperationException) when (port is null && attempt < 3 && served.Stderr.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await served.DisposeAsync();
            }
        }
    }

    private static ServedBsi Launch(string[] ledger, TimeSpan advanceEvery, string[] serveOptions, int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] cluster = serveOptions.Contains("--cluster") ? [] : ["--cluster", $"test-{Guid.NewGuid():N}"];
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "bsi.dll"), "serve", .. ledger, "--telemetry", "none",
            "--urls", $"http://127.0.0.1:{port}", "--advance-every", advanceEvery.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            .. serveOptions, .. cluster,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("BSILEDGER_CONNECTION");
        start.Environment["Auth__Tokens__operator"] = OperatorToken;
        start.Environment["Auth__Tokens__auditor"] = AuditorToken;
        start.Environment["Auth__Tokens__device"] = DeviceKey;
        var served = new ServedBsi(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        served._process.ErrorDataReceived += (_, line) =>
        {
            lock (served._stderr)
            {
                served._stderr.AppendLine(line.Data);
            }
        };
        served._process.OutputDataReceived += (_, _) => { };
        served._process.BeginErrorReadLine();
        served._process.BeginOutputReadLine();
        return served;
    }

    /// <summary>
    /// The line a failed <c>bsi serve</c> ends on (its exit code's reason), put first in a failure's message: a test
    /// report shortens the message, and the log lines before it are mostly the shutdown's consequences.
    /// </summary>
    private string LastError() =>
        Stderr.Split('\n').LastOrDefault(line => line.StartsWith("infrastructure error:", StringComparison.Ordinal) || line.StartsWith("error:", StringComparison.Ordinal))
        ?? "(no error line)";

    /// <summary>SIGTERM, as a service manager stops it: the silo leaves its cluster and the embedded server stops.</summary>
    public async Task StopAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            Kill();
        }

        Http.Dispose();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                // Waits for the redirected streams to end, so the error serve printed last is in Stderr.
                _process.WaitForExit();
                throw new InvalidOperationException($"bsi serve exited with {_process.ExitCode} before it was healthy: {LastError()}\n{Stderr}");
            }

            try
            {
                using var health = await Http.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"bsi serve was not healthy within 90 s:\n{Stderr}");
    }
}
