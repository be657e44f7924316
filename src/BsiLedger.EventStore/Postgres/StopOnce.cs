using System.Runtime.InteropServices;

namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// Runs a stop action exactly once, on whichever comes first: an explicit stop, process exit, and (unless the process
/// stops gracefully on them itself) SIGINT or SIGTERM.
/// The server runs in its own session (pg_ctl calls setsid), so nothing else stops it when this process ends.
/// </summary>
internal sealed class StopOnce : IDisposable
{
    private readonly Func<Task> _stop;
    private readonly Lock _gate = new();
    private readonly PosixSignalRegistration[] _signals;
    private Task? _stopping;

    public StopOnce(Func<Task> stop, bool onSignals)
    {
        _stop = stop;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        // The handlers do not cancel the signal: the process still ends as it would have without them.
        _signals = onSignals
            ?
            [
                PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            ]
            : [];
    }

    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stopping ??= Task.Run(_stop);
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => StopAndWait();

    private void OnSignal(PosixSignalContext context) => StopAndWait();

    private void StopAndWait()
    {
        try
        {
            StopAsync().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is EmbeddedPostgresException or IOException or OperationCanceledException)
        {
            // Nobody is left to catch this on the way out of the process.
            Console.Error.WriteLine($"Stopping the embedded PostgreSQL server failed: {ex.Message}");
        }
    }
}
