using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Agents;

namespace BsiLedger.Grains.Tests.Rollouts;

/// <summary>
/// Devices that are all reachable and install at once, except that the answer to one chosen offer waits until the
/// test lets it go: a wave can be held part-way through its offers while something else happens.
/// </summary>
public sealed class PausingAgent : IDeviceAgent, IDisposable
{
    private readonly ManualResetEventSlim _resume = new(initialState: true);
    private TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _answered;
    private int _pauseAt = int.MaxValue;

    /// <summary>Offers answered since the last <see cref="PauseAt"/>.</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Holds the <paramref name="answer"/>-th offer from now; the task completes when it is held.</summary>
    public Task PauseAt(int answer)
    {
        _paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _resume.Reset();
        Volatile.Write(ref _answered, 0);
        Volatile.Write(ref _pauseAt, answer);
        return _paused.Task;
    }

    public void Resume() => _resume.Set();

    public void Dispose() => _resume.Dispose();

    public bool IsReachable(string deviceId) => true;

    public AgentAnswer Answer(string deviceId, string model, ReleaseId release)
    {
        if (Interlocked.Increment(ref _answered) == Volatile.Read(ref _pauseAt))
        {
            _paused.TrySetResult();
            // Blocks one thread of the silo, as a device that takes its time to answer would hold its offer.
            _resume.Wait(TimeSpan.FromSeconds(30));
        }

        return AgentAnswer.InstallsAndApplies;
    }
}
