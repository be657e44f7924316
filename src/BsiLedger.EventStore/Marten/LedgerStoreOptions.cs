using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Postgres;
using BsiLedger.EventStore.ReadModels;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Weasel.Core;

namespace BsiLedger.EventStore.Marten;

/// <summary>How the ledger configures Marten; the CLI, the silo, the tests and the benchmark all share it.</summary>
public static class LedgerStoreOptions
{
    public const string Schema = "bsiledger";

    public const string DefaultApplicationName = "bsi";

    /// <summary>
    /// Marten's gap bookkeeping: when a transaction that drew sequence numbers fails (a conflict, a dropped connection),
    /// Marten fills those numbers with events on this stream so the read models' daemon does not wait for them forever.
    /// They are not the ledger's events: counts, the chain check and the digest leave them out.
    /// </summary>
    public const string TombstoneStream = "mt_tombstone";

    /// <summary>The SQL condition on <c>mt_events</c> (or <c>mt_streams</c>' <c>id</c>, with <paramref name="column"/>) that keeps the ledger's own events.</summary>
    public static string LedgerStreamsOnly(string column = "stream_id") => $"{column} <> '{TombstoneStream}'";

    /// <summary>The projections the async daemon runs, by name: what "caught up" is measured over.</summary>
    public static IReadOnlyList<string> AsyncProjections { get; } = [ReleaseAdoptionProjection.Projection, ExposureWindowProjection.Projection];

    /// <summary>How events and documents are written as JSON: the store's serializer, and the one readers that go around a session use.</summary>
    public static LedgerJsonSerializer CreateSerializer() => new();

    public static void Configure(StoreOptions options, string connectionString)
    {
        options.Connection(LedgerDataSource.For(connectionString));
        options.DatabaseSchemaName = Schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.Serializer(CreateSerializer());

        options.Events.StreamIdentity = StreamIdentity.AsString;
        // The journal writes its batches itself (SetBasedAppends, decision 0017); an append made through a Marten session
        // (a test's hand-made ledger, the round trip's oracle) checks the expected version in Rich mode, as the writer does.
        options.Events.AppendMode = EventAppendMode.Rich;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        // The async daemon's leader lock goes through DistributedLock.Postgres (see the package shim in
        // the README); without a transaction-scoped advisory lock every attempt fails on a DbDataSource.
        options.Events.UseAdvisoryLockTransaction = true;

        foreach (var (type, name) in LedgerEventTypes.All)
        {
            options.Events.MapEventType(type, name);
        }

        // The registries the fan-out reads and the reports a wave's halt counts, kept in the same transaction as the events
        // they come from.
        options.Projections.Add<FleetMemberProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ReleaseListingProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<InstallReportProjection>(ProjectionLifecycle.Inline);
        options.Storage.ExtendedSchemaObjects.Add(InstallReportProjection.Table());
        FleetRegistryColumns(options);
        options.Schema.For<ReleaseListing>().Index(r => r.Line);

        // The audit's read models (docs/audit.md): current state inline, so it never lags the ledger; the fleet-wide
        // ones asynchronously, so no append waits for a release's document or a window's update.
        options.Projections.Add<DeviceStateProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ReleaseAdoptionProjection>(ProjectionLifecycle.Async);
        options.Projections.Add<ExposureWindowProjection>(ProjectionLifecycle.Async);
        // Who runs them is the host's choice (LedgerHostOptions.RunsProjections, or a reader's one-off catch-up), not
        // every store's: without this, each CLI command would warn on stdout that no daemon runs in it.
        options.Projections.AsyncMode = DaemonMode.ExternallyManaged;
    }

    /// <summary>
    /// A shard reads its slice of a line at every wave's start, first offer and end (<c>FleetMembersAsync</c>): the line
    /// and bucket as columns of their own, with one index over both that carries the id, answer it from the index alone.
    /// As indexes over the JSON they had PostgreSQL visit a heap page for nearly every member, 256 slices a step.
    /// </summary>
    private static void FleetRegistryColumns(StoreOptions options) =>
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(FleetMember))
            {
                mapping.DuplicateField(nameof(FleetMember.Line));
                mapping.DuplicateField(nameof(FleetMember.Bucket));
                mapping.AddIndex("line", "bucket").IncludeColumns = ["id"];
            }
        });

    /// <summary>
    /// Marten sends the same few statements (insert an event, a stream, a registry row) millions of times in a
    /// simulation. Auto-preparing them lets PostgreSQL skip parsing and planning each one, and not resetting
    /// pooled connections keeps those prepared statements and saves a round trip per session (the ledger keeps
    /// no session state: its advisory locks are transaction-scoped). A connection string that sets either
    /// keeps its own value. The pool is bounded by the process's <see cref="ConnectionBudget"/>.
    /// </summary>
    /// <remarks>See docs/scale.md: each of these was measured on the million-device run.</remarks>
    public static string Tuned(string connectionString)
    {
        var given = ConnectionStringKeys.Given(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(ConnectionBudget.Apply(connectionString, null));
        if (!given.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }

        // An operator looking at pg_stat_activity sees whose connections these are.
        if (!given.Contains("applicationname"))
        {
            builder.ApplicationName = DefaultApplicationName;
        }

        return builder.ConnectionString;
    }

    public static DocumentStore CreateStore(string connectionString) =>
        DocumentStore.For(options => Configure(options, connectionString));
}
