using System.Threading.Channels;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// Group commit: work posted while a round trip is in flight waits and leaves together in the next one.
/// Several loops drain the queue, so one gathers its batch while another is at the database; nothing
/// waits on a timer, so a lone request goes at once.
/// </summary>
internal sealed class RoundTripQueue<T> : IAsyncDisposable
{
    private readonly Channel<T> _queue = Channel.CreateUnbounded<T>();
    private readonly int _maxBatch;
    private readonly Func<List<T>, Task> _roundTrip;
    private readonly Task[] _loops;

    /// <param name="roundTrip">Takes one batch to the database and settles every item in it; must not throw.</param>
    public RoundTripQueue(int maxBatch, int loops, Func<List<T>, Task> roundTrip)
    {
        _maxBatch = maxBatch;
        _roundTrip = roundTrip;
        // The loops outlive whatever call created the queue: they must not carry its trace (Activity.Current) along.
        using (ExecutionContext.SuppressFlow())
        {
            _loops = [.. Enumerable.Range(0, loops).Select(_ => Task.Run(DrainAsync))];
        }
    }

    public void Post(T item)
    {
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(RoundTripQueue<T>), "the journal is shutting down");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }

    private async Task DrainAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var batch = new List<T>(Math.Min(_maxBatch, reader.Count + 1));
            while (batch.Count < _maxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count > 0)
            {
                await _roundTrip(batch);
            }
        }
    }
}
