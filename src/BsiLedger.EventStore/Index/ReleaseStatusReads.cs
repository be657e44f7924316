using BsiLedger.Domain.Releases;

namespace BsiLedger.EventStore.Index;

/// <summary>
/// Coalesces the release-status reads that many devices make at once (every report a device makes is gated on its
/// release's status): a read asked for while one query is in flight waits for the next, which answers every release
/// asked for in between with one statement. Each answer comes from a query that started after it was asked, so it is
/// the status as committed at or after the ask, as a read of its own would be.
/// </summary>
internal sealed class ReleaseStatusReads(Func<IReadOnlyCollection<ReleaseId>, Task<IReadOnlyDictionary<ReleaseId, ReleaseStatus>>> query)
{
    private readonly Lock _lock = new();
    private Dictionary<ReleaseId, TaskCompletionSource<ReleaseStatus>>? _next;
    private bool _querying;

    public Task<ReleaseStatus> ReadAsync(ReleaseId release)
    {
        lock (_lock)
        {
            _next ??= [];
            if (!_next.TryGetValue(release, out var answer))
            {
                answer = new TaskCompletionSource<ReleaseStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
                _next[release] = answer;
            }

            if (!_querying)
            {
                _querying = true;
                // The queries answer many callers: none of theirs is the trace (or the context) they run in.
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(QueryWhileAskedAsync);
                }
            }

            return answer.Task;
        }
    }

    private async Task QueryWhileAskedAsync()
    {
        while (true)
        {
            Dictionary<ReleaseId, TaskCompletionSource<ReleaseStatus>> asked;
            lock (_lock)
            {
                if (_next is null)
                {
                    _querying = false;
                    return;
                }

                (asked, _next) = (_next, null);
            }

            try
            {
                var statuses = await query(asked.Keys);
                foreach (var (release, answer) in asked)
                {
                    answer.TrySetResult(statuses[release]);
                }
            }
            catch (Exception e)
            {
                foreach (var answer in asked.Values)
                {
                    answer.TrySetException(e);
                }
            }
        }
    }
}
