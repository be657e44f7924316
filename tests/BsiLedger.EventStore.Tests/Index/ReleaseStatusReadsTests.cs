using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Index;

namespace BsiLedger.EventStore.Tests.Index;

public sealed class ReleaseStatusReadsTests
{
    private static readonly ReleaseId A = ReleaseId.Parse("iOS 26.3.1 (a)");
    private static readonly ReleaseId B = ReleaseId.Parse("iOS 26.3.1 (b)");

    [Fact]
    public async Task Reads_asked_while_a_query_is_in_flight_are_answered_together_by_the_next_one_which_sees_what_was_committed_since()
    {
        var queries = new List<ReleaseId[]>();
        var first = new TaskCompletionSource();
        var status = ReleaseStatus.Published;
        var reads = new ReleaseStatusReads(async releases =>
        {
            IReadOnlyDictionary<ReleaseId, ReleaseStatus> answer = releases.ToDictionary(r => r, _ => status);
            lock (queries)
            {
                queries.Add([.. releases.OrderBy(r => r.ToString(), StringComparer.Ordinal)]);
            }

            if (queries.Count == 1)
            {
                await first.Task;
            }

            return answer;
        });

        var before = reads.ReadAsync(A);
        await WaitUntilAsync(() => queries.Count == 1);
        status = ReleaseStatus.Recalled;
        var during = Enumerable.Range(0, 50).Select(i => reads.ReadAsync(i % 2 == 0 ? A : B)).ToArray();
        first.SetResult();

        Assert.Equal(ReleaseStatus.Published, await before);
        Assert.All(await Task.WhenAll(during), s => Assert.Equal(ReleaseStatus.Recalled, s));
        Assert.Equal([[A], [A, B]], queries);
    }

    [Fact]
    public async Task A_failed_query_fails_every_read_it_was_answering_and_the_next_read_queries_again()
    {
        var calls = 0;
        var reads = new ReleaseStatusReads(releases => ++calls == 1
            ? throw new InvalidOperationException("the database is gone")
            : Task.FromResult<IReadOnlyDictionary<ReleaseId, ReleaseStatus>>(releases.ToDictionary(r => r, _ => ReleaseStatus.Published)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => reads.ReadAsync(A));
        Assert.Equal(ReleaseStatus.Published, await reads.ReadAsync(A));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
