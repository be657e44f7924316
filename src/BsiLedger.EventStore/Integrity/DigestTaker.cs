using System.Data;
using BsiLedger.EventStore.Postgres;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// Takes a <see cref="LedgerDigest"/> of the ledger as it stands, without writing to it.
/// </summary>
public sealed class DigestTaker(string connectionString, TimeSpan settleTimeout)
{
    public async Task<LedgerDigest> TakeAsync(CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, ct);
        var (lastSequence, cutAt) = await LedgerCut.TakeAsync(connection, settleTimeout, ct);

        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var tree = await SequenceTree.ComputeAsync(connection, lastSequence, ct);
        await transaction.CommitAsync(ct);
        return new LedgerDigest(LedgerDigest.CurrentFormat, lastSequence, tree.Count, tree.Root.ToString(), cutAt);
    }
}
