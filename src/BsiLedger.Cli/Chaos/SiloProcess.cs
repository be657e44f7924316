using System.Diagnostics;
using BsiLedger.Cli.Hosting;

namespace BsiLedger.Cli.Chaos;

/// <summary>
/// One <c>bsi serve</c> child on fixed ports: started, killed with SIGKILL and started again in its place, and stopped
/// gracefully at the end. Its stdout and stderr, every incarnation's, are appended to <c>silo-N.log</c>.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(90);

    private readonly SiloPorts _ports;
    private readonly string _connectionString;
    private readonly ChaosTokens _tokens;
    private readonly StreamWriter _log;
    private Process? _process;

    public SiloProcess(int number, SiloPorts ports, string connectionString, ChaosTokens tokens, string directory)
    {
        Number = number;
        _ports = ports;
        _connectionString = connectionString;
        _tokens = tokens;
        LogPath = Path.Combine(directory, $"silo-{number}.log");
        _log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
    }

    public int Number { get; }

    public string LogPath { get; }

    public Uri Address => new($"http://127.0.0.1:{_ports.Http}/");

    /// <summary>Answering <c>/health</c> since it last started, and not killed since.</summary>
    public bool IsUp { get; private set; }

    public int? ProcessId => _process?.Id;

    public void Start()
    {
        var start = SelfCommand.With(
        [
            "serve",
            "--urls", Address.ToString().TrimEnd('/'),
            "--cluster", ChaosSettings.ClusterId,
            "--silo-port", Text(_ports.Silo),
            "--gateway-port", Text(_ports.Gateway),
            "--advertise", "127.0.0.1",
            // Soak ends and recall re-drives are taken within two seconds, not the default thirty.
            "--advance-every", "00:00:02",
            "--telemetry", "none",
        ]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // The connection string stays out of the process list.
        start.Environment[LedgerSettings.ConnectionVariable] = _connectionString;
        foreach (var (name, value) in _tokens.Environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Write(line.Data);
        process.ErrorDataReceived += (_, line) => Write(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Write($"=== chaos: started silo {Number} as pid {process.Id} at {DateTimeOffset.UtcNow:O}");
        _process = process;
    }

    /// <summary>Waits until the silo answers <c>/health</c> (its silo has joined and its API listens).</summary>
    public async Task WaitUpAsync(HttpClient http, CancellationToken ct)
    {
        var process = _process ?? throw new InvalidOperationException("not started");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartWithin)
        {
            if (process.HasExited)
            {
                throw new SiloStartException($"silo {Number} exited with {process.ExitCode} before it answered /health: see {LogPath}");
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
            attempt.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "health"), attempt.Token);
                if (response.IsSuccessStatusCode)
                {
                    IsUp = true;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // A request that timed out while the silo starts.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        throw new SiloStartException($"silo {Number} did not answer /health within {StartWithin.TotalSeconds:0} s: see {LogPath}");
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster, connections dropped mid-statement.</summary>
    public void Kill()
    {
        IsUp = false;
        var process = _process ?? throw new InvalidOperationException("not started");
        process.Kill();
        process.WaitForExit();
        Write($"=== chaos: killed silo {Number} (pid {process.Id}) at {DateTimeOffset.UtcNow:O}");
        process.Dispose();
        _process = null;
    }

    /// <summary>SIGTERM, so the silo leaves the cluster as a stopped one; SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        IsUp = false;
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Text(process.Id) }, UseShellExecute = false }))
        {
            await term!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        Write($"=== chaos: stopped silo {Number} (pid {process.Id}, exit {process.ExitCode}) at {DateTimeOffset.UtcNow:O}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        await _log.DisposeAsync();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
