using System.Runtime.InteropServices;

namespace BsiLedger.Bench;

/// <summary>
/// Turns SIGINT and SIGTERM into cancellation, so the run unwinds and cleans up instead of the process
/// ending mid-phase. Create it before the embedded server, whose own handlers stop the server on the same
/// signals: handlers run in registration order, so the run is marked interrupted before its appends fail.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _signals;

    public Interruption()
    {
        _signals =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _source.Token;

    public bool Requested => _source.IsCancellationRequested;

    public void Dispose()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _source.Cancel();
    }
}
