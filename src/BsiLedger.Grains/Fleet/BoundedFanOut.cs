namespace BsiLedger.Grains.Fleet;

/// <summary>Calls many grains from one grain turn with at most a fixed number of calls in flight.</summary>
public static class BoundedFanOut
{
    public static async Task<TResult[]> RunAsync<TResult>(IReadOnlyList<string> ids, int concurrency, Func<string, Task<TResult>> call)
    {
        using var gate = new SemaphoreSlim(concurrency);
        return await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                return await call(id);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
