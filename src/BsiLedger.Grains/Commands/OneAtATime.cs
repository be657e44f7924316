namespace BsiLedger.Grains.Commands;

/// <summary>
/// Runs a grain's sections one after another even when its methods interleave: each section starts when the one
/// before it has finished. Needs no lock: a grain's turns never run at the same time, only one after another.
/// </summary>
public sealed class OneAtATime
{
    private Task _last = Task.CompletedTask;

    public async Task<T> RunAsync<T>(Func<Task<T>> section)
    {
        var previous = _last;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _last = done.Task;
        try
        {
            await previous;
            return await section();
        }
        finally
        {
            done.SetResult();
        }
    }

    public Task RunAsync(Func<Task> section) => RunAsync(async () =>
    {
        await section();
        return true;
    });
}
