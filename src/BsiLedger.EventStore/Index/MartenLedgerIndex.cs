using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Outages;
using BsiLedger.EventStore.Postgres;
using Marten;
using Npgsql;

namespace BsiLedger.EventStore.Index;

/// <summary>The fleet and release registries, read through a database outage as the journal's own reads are.</summary>
public sealed class MartenLedgerIndex(IDocumentStore store, JournalOptions options) : ILedgerIndex
{
    private readonly ReleaseStatusReads _statuses = new(releases => StatusesAsync(store, options, releases));

    private static readonly string EventCountSql =
        $"select count(*) from {LedgerStoreOptions.Schema}.mt_events where {LedgerStoreOptions.LedgerStreamsOnly()}";

    public async Task<IReadOnlyList<string>> FleetMembersAsync(string line, int fromBucket, int toBucket, CancellationToken cancellationToken)
    {
        try
        {
            return await OutageRetry.RunAsync(async () =>
            {
                await using var session = store.QuerySession();
                return await session.Query<FleetMember>()
                    .Where(m => m.Line == line && m.Bucket >= fromBucket && m.Bucket < toBucket)
                    .OrderBy(m => m.Id)
                    .Select(m => m.Id)
                    .ToListAsync(cancellationToken);
            }, options.OutageTolerance, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new JournalUnavailableException($"could not read the fleet registry of {line}: {e.Message}", e);
        }
    }

    public Task<IReadOnlyList<string>> ReleasesAsync(string line, CancellationToken cancellationToken) =>
        ReleaseIdsAsync(releases => releases.Where(r => r.Line == line), $"the releases of {line}", cancellationToken);

    private async Task<IReadOnlyList<string>> ReleaseIdsAsync(
        Func<IQueryable<ReleaseListing>, IQueryable<ReleaseListing>> which, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await OutageRetry.RunAsync(async () =>
            {
                await using var session = store.QuerySession();
                return await which(session.Query<ReleaseListing>()).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
            }, options.OutageTolerance, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new JournalUnavailableException($"could not read {what}: {e.Message}", e);
        }
    }

    /// <remarks>Every device asking in one round awaits the same answer: no task of the caller's own.</remarks>
    public Task<ReleaseStatus> ReleaseStatusAsync(ReleaseId release, CancellationToken cancellationToken)
    {
        var status = _statuses.ReadAsync(release);
        return cancellationToken.CanBeCanceled ? status.WaitAsync(cancellationToken) : status;
    }

    private static async Task<IReadOnlyDictionary<ReleaseId, ReleaseStatus>> StatusesAsync(IDocumentStore store, JournalOptions options, IReadOnlyCollection<ReleaseId> releases)
    {
        try
        {
            return await OutageRetry.RunAsync<IReadOnlyDictionary<ReleaseId, ReleaseStatus>>(async () =>
            {
                await using var session = store.QuerySession();
                await using var command = new NpgsqlCommand($"{HotStatementPlanning.ForTransaction};\n{ReleaseGateLocks.StatusSql(store.Options.Events.DatabaseSchemaName)}");
                command.Parameters.AddWithValue("releases", releases.Select(r => r.ToString()).ToArray());
                await using var reader = await session.ExecuteReaderAsync(command, CancellationToken.None);
                await reader.NextResultAsync(CancellationToken.None);
                var statuses = new Dictionary<ReleaseId, ReleaseStatus>(releases.Count);
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    statuses[ReleaseId.Parse(reader.GetString(0))] = (ReleaseStatus)reader.GetInt32(1);
                }

                return statuses;
            }, options.OutageTolerance, CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            throw new JournalUnavailableException($"could not read the status of {string.Join(", ", releases)}: {e.Message}", e);
        }
    }

    private static readonly string ReportedSql = $"""
        {HotStatementPlanning.ForTransaction};
        select count(*) filter (where outcome >= {(short)InstallReport.Installed}),
               count(*) filter (where outcome = {(short)InstallReport.Applied}),
               count(*) filter (where outcome = {(short)InstallReport.Failed})
        from {InstallReportProjection.TableName}
        where release = @release and position >= @from and position < @to
        """;

    public async Task<ReportedOutcomes> ReportedAsync(ReleaseId release, double from, double to, CancellationToken cancellationToken)
    {
        try
        {
            return await OutageRetry.RunAsync(async () =>
            {
                await using var session = store.QuerySession();
                await using var command = new NpgsqlCommand(ReportedSql);
                command.Parameters.AddWithValue("release", release.ToString());
                command.Parameters.AddWithValue("from", from);
                command.Parameters.AddWithValue("to", to);
                await using var reader = await session.ExecuteReaderAsync(command, cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return new ReportedOutcomes((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
            }, options.OutageTolerance, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new JournalUnavailableException($"could not count the reports on {release}: {e.Message}", e);
        }
    }

    private static readonly string ReportedByRangeSql = $"""
        {HotStatementPlanning.ForTransaction};
        select q.release,
               count(*) filter (where r.outcome >= {(short)InstallReport.Installed}),
               count(*) filter (where r.outcome = {(short)InstallReport.Applied}),
               count(*) filter (where r.outcome = {(short)InstallReport.Failed})
        from unnest(@releases, @froms, @tos) as q(release, lo, hi)
        left join {InstallReportProjection.TableName} r on r.release = q.release and r.position >= q.lo and r.position < q.hi
        group by q.release
        """;

    public async Task<IReadOnlyDictionary<ReleaseId, ReportedOutcomes>> ReportedAsync(IReadOnlyCollection<ReportRange> ranges, CancellationToken cancellationToken)
    {
        if (ranges.Count == 0)
        {
            return new Dictionary<ReleaseId, ReportedOutcomes>();
        }

        try
        {
            return await OutageRetry.RunAsync<IReadOnlyDictionary<ReleaseId, ReportedOutcomes>>(async () =>
            {
                await using var session = store.QuerySession();
                await using var command = new NpgsqlCommand(ReportedByRangeSql);
                command.Parameters.AddWithValue("releases", ranges.Select(r => r.Release.ToString()).ToArray());
                command.Parameters.AddWithValue("froms", ranges.Select(r => r.From).ToArray());
                command.Parameters.AddWithValue("tos", ranges.Select(r => r.To).ToArray());
                await using var reader = await session.ExecuteReaderAsync(command, cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                var reported = new Dictionary<ReleaseId, ReportedOutcomes>(ranges.Count);
                while (await reader.ReadAsync(cancellationToken))
                {
                    reported[ReleaseId.Parse(reader.GetString(0))] = new ReportedOutcomes((int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3));
                }

                return reported;
            }, options.OutageTolerance, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new JournalUnavailableException($"could not count the reports on {ranges.Count} releases: {e.Message}", e);
        }
    }

    public async Task<long> EventCountAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await OutageRetry.RunAsync(async () =>
            {
                await using var session = store.QuerySession();
                await using var command = new NpgsqlCommand(EventCountSql);
                await using var reader = await session.ExecuteReaderAsync(command, cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return reader.GetInt64(0);
            }, options.OutageTolerance, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new JournalUnavailableException($"could not count the ledger's events: {e.Message}", e);
        }
    }
}
