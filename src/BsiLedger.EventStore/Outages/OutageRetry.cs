namespace BsiLedger.EventStore.Outages;

/// <summary>Runs a query that is safe to repeat (a read) again through a database outage, for at most the tolerance.</summary>
public static class OutageRetry
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> query, TimeSpan tolerance, CancellationToken ct)
    {
        OutageWait? wait = null;
        try
        {
            while (true)
            {
                try
                {
                    return await query();
                }
                catch (Exception e) when (TransientFailure.Is(e) && !ct.IsCancellationRequested)
                {
                    wait ??= new OutageWait(tolerance);
                    if (!await wait.NextAsync(ct))
                    {
                        throw;
                    }
                }
            }
        }
        finally
        {
            wait?.Dispose();
        }
    }
}
