using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using BsiLedger.EventStore.Postgres;

namespace BsiLedger.ApiLoad;

/// <summary>
/// <c>bsi serve</c> in a process of its own, on a private embedded PostgreSQL in a fresh directory, with tokens made up for
/// this run; stopped with SIGTERM (so it stops its database) and its directory deleted afterwards.
/// </summary>
public sealed class ServedLedger : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private ServedLedger(Process process, string directory, Uri address, string operatorToken)
    {
        _process = process;
        _directory = directory;
        Address = address;
        OperatorToken = operatorToken;
    }

    public Uri Address { get; }

    public string OperatorToken { get; }

    public static async Task<ServedLedger> StartAsync()
    {
        // Not a CreateTempSubdirectory: its mode 700 would keep the embedded server's own account out.
        var directory = Path.Combine(Path.GetTempPath(), "bsiledger-api-load-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreeTcpPort.Pick();
        var operatorToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "bsi.dll"), "serve", "--data-dir", directory, "--telemetry", "none", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("BSILEDGER_CONNECTION");
        start.Environment["Auth__Tokens__operator"] = operatorToken;
        start.Environment["Auth__Tokens__device"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var served = new ServedLedger(Process.Start(start)!, directory, new Uri($"http://127.0.0.1:{port}"), operatorToken);
        await served.WaitHealthyAsync();
        return served;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"bsi serve exited with {_process.ExitCode} before answering /health");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("bsi serve did not answer /health within two minutes");
    }
}
