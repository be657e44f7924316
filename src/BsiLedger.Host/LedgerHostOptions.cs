using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Agents;
using BsiLedger.Grains.Fleet;
using BsiLedger.Host.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace BsiLedger.Host;

/// <summary>What a silo process needs: the database, its telemetry, and the domain clock.</summary>
public sealed record LedgerHostOptions(string ConnectionString)
{
    public TelemetryMode Telemetry { get; init; } = TelemetryMode.Console;

    /// <summary>The domain clock every event's <c>At</c> comes from; a simulation passes a virtual one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>False for commands that only read the ledger: no grains, no silo start-up.</summary>
    public bool WithSilo { get; init; } = true;

    /// <summary>
    /// Runs Marten's async daemon (hot/cold: one process leads per database, the others stand by) for the audit's read
    /// models. For long-lived silos such as a simulation's; a one-command process leaves it off, and a reader catches
    /// the read models up itself (docs/audit.md).
    /// </summary>
    public bool RunsProjections { get; init; }

    /// <summary>
    /// Takes the rollout steps whose reminders fall to this silo, including those of rollouts and recalls that were under
    /// way when another process stopped or died. For long-lived silos (<c>bsi serve</c>). A one-command process leaves it
    /// off: its short-lived silo records its releases' reminders for a long-lived one to fire, and neither takes steps for
    /// releases it merely shares the database with nor keeps its command waiting on one (docs/decisions/0010).
    /// </summary>
    public bool FiresReminders { get; init; }

    /// <summary>Group commit: how many streams one append or read round trip may carry.</summary>
    public JournalOptions Journal { get; init; } = new();

    /// <summary>Shard count, fan-out concurrency and the rollout step timer.</summary>
    public FleetOptions Fleet { get; init; } = new();

    /// <summary>Who answers offers: live devices (they report later) unless a simulation supplies its own.</summary>
    public IDeviceAgent Agent { get; init; } = new LiveDeviceAgent();

    /// <summary>Last word on the silo, after the ledger's own (bsi serve adds the Orleans dashboard's grains).</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; init; }

    /// <summary>Last word on the services, after the ledger's own (tests wrap the journal to inject faults).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// Null (the default): the process is a one-silo cluster of its own, as a one-command process or a simulation must
    /// be (a shared cluster would place grains on it that die with it). Set: the silo joins the cluster registered in the
    /// database.
    /// </summary>
    public SharedCluster? Cluster { get; init; }

    /// <summary>
    /// Set (with <see cref="WithSilo"/> false): the process is an Orleans client of the live cluster of this id in the
    /// database, and its grain calls run on that cluster's silos (a <c>bsi</c> command beside a running <c>bsi serve</c>).
    /// </summary>
    public string? ClientOf { get; init; }

    /// <summary>
    /// Whether the process opens <see cref="ClusterPool"/>, Orleans' pool of <see cref="ClusterPool.Size"/>: its silo for
    /// the membership of a shared cluster or for its rollout reminders (<see cref="FleetOptions.AdvanceEvery"/> set), as
    /// <c>bsi serve</c> and every one-command silo do, or its client for the cluster's gateways (<see cref="ClientOf"/>).
    /// A simulation's silo and a process with neither silo nor client do not.
    /// </summary>
    public bool UsesClusterPool => ClientOf is not null || (WithSilo && (Cluster is not null || Fleet.AdvanceEvery is not null));

    /// <summary>
    /// These options for a process whose whole connection budget is <see cref="ConnectionString"/>'s: when it uses
    /// <see cref="ClusterPool"/>, the ledger's pool gets the budget less that pool (<see cref="ClusterPool.LedgerShare"/>),
    /// so the process holds at most its budget. Called once, by whoever knows the budget; everything else in the
    /// process that opens the ledger's pool then uses the returned <see cref="ConnectionString"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The budget leaves the ledger no connection beside Orleans' pool.</exception>
    public LedgerHostOptions WithinBudget() =>
        UsesClusterPool ? this with { ConnectionString = ClusterPool.LedgerShare(ConnectionString) } : this;
}
