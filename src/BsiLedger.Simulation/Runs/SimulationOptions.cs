using BsiLedger.EventStore.Journal;
using BsiLedger.Host;

namespace BsiLedger.Simulation.Runs;

/// <summary>Where a simulation writes its ledger, what telemetry it emits, and where it reports progress.</summary>
public sealed record SimulationOptions(string ConnectionString)
{
    public TelemetryMode Telemetry { get; init; } = TelemetryMode.None;

    /// <summary>Domain time at which the rollout begins.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>How far the virtual clock moves per step: soak ends and check-ins are taken at the step they fall in.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Shards the fleet is split over (see <c>FleetOptions.Shards</c>).</summary>
    public int Shards { get; init; } = 256;

    /// <summary>Device calls in flight at once while enrolling and checking in.</summary>
    public int Concurrency { get; init; } = 1024;

    /// <summary>Silos in the run's cluster, all in this process (<see cref="SimulationSilos"/>).</summary>
    public int Silos { get; init; } = 1;

    public ISimulationProgress Progress { get; init; } = new SilentProgress();

    /// <summary>How long the run waits out a database that dropped its connections or restarted before it fails.</summary>
    public TimeSpan OutageTolerance { get; init; } = JournalOptions.DefaultOutageTolerance;
}
