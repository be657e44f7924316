using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Marten;
using BsiLedger.Simulation.Fleet;
using BsiLedger.Simulation.Runs;
using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// A release's rollout as it happened and as another plan would have had it, from the ledger alone; nothing is
/// appended. On a ledger a simulation wrote (<see cref="SimulationRecord"/>) every device answers as the run's model
/// and seed make it, so a replay is exact; on a live ledger a device keeps what it did after the actual offer, at the
/// same delay after the replayed one, and a device the actual rollout never offered it is counted as unknown.
/// </summary>
public sealed class WhatIfReplay
{
    /// <summary>How often a replay of a live ledger takes its steps: the release grain's own cadence is 30 s of wall time.</summary>
    public static readonly TimeSpan LiveStep = TimeSpan.FromMinutes(1);

    private readonly RecordedRollout _recorded;
    private readonly IReadOnlyList<ReplayDevice> _devices;
    private readonly SimulationRecord? _model;
    private readonly DateTimeOffset? _othersSettled;

    private WhatIfReplay(RecordedRollout recorded, RolloutPlan actualPlan, IReadOnlyList<ReplayDevice> devices, SimulationRecord? model, DateTimeOffset? othersSettled)
    {
        (_recorded, _devices, _model, _othersSettled) = (recorded, devices, model, othersSettled);
        ActualPlan = actualPlan;
        Actual = RolloutFigures.Of(recorded.Actual, Courses(recorded, devices, actualPlan), recorded.Start);
    }

    public ReleaseId Release => _recorded.Actual.Id;

    public WhatIfLedger Ledger => _model is null ? WhatIfLedger.Live : WhatIfLedger.Simulation;

    public RolloutPlan ActualPlan { get; }

    /// <summary>When the actual rollout started, and every replay with it.</summary>
    public DateTimeOffset Start => _recorded.Start;

    /// <summary>The rollout as it happened.</summary>
    public RolloutFigures Actual { get; }

    /// <summary>Reads the release's rollout, its line and, for a simulated ledger, the run's model: once, for any number of replays.</summary>
    public static async Task<WhatIfReplay> LoadAsync(string connectionString, ReleaseId release, CancellationToken cancellationToken)
    {
        var recorded = await RecordedRollout.ReadAsync(connectionString, release, cancellationToken) ?? throw new WhatIfException(WhatIfRefusal.UnknownRelease, release);
        if (recorded.Actual.Plan is not { } actualPlan || recorded.Actual.Waves.IsEmpty)
        {
            throw new WhatIfException(WhatIfRefusal.NeverRolledOut, release);
        }

        var simulation = await SimulationRecord.ReadAsync(connectionString, cancellationToken);
        var model = simulation?.Scenario.Releases.Any(r => r.Id == release) == true ? simulation : null;
        return model is null
            ? new WhatIfReplay(recorded, actualPlan, [.. recorded.Devices.Select(Recorded)], null, null)
            : new WhatIfReplay(recorded, actualPlan, Drawn(recorded, new SimulatedFleet(model.Scenario)), model,
                await OthersSettledAsync(connectionString, model, release, cancellationToken));
    }

    /// <summary>The rollout replayed under <paramref name="plan"/>, device by device.</summary>
    public ReplayResult Play(RolloutPlan plan) => RolloutReplay.Run(_recorded.Published, plan, _devices, Clock(plan));

    /// <summary>The rollout replayed under <paramref name="plan"/>, summed up.</summary>
    public RolloutFigures Replay(RolloutPlan plan)
    {
        var replay = Play(plan);
        return RolloutFigures.Of(replay.Release, replay.Courses, Start);
    }

    public WhatIfResult Compare(RolloutPlan plan) => new(Release.ToString(), Ledger, Actual, Replay(plan));

    /// <summary>
    /// Each device as the run's model draws it, when a replay first offers it the release; a device enrolled in the
    /// ledger some other way (not one of the simulated fleet's) answers as a live ledger's would.
    /// </summary>
    private static IReadOnlyList<ReplayDevice> Drawn(RecordedRollout recorded, SimulatedFleet fleet)
    {
        var release = recorded.Actual.Id;
        var draw = (ReplayDevice device) =>
        {
            var draws = fleet.Draws(device.Id, release);
            var fate = new DeviceFate(draws.Fails ? InstallFate.Fails : InstallFate.Installs, draws.InstallDelay, draws.ApplyDelay, AtOnce: !fleet.TakesTime);
            return new DeviceBehaviour(draws.CheckInPhase, fate);
        };
        return [.. recorded.Devices.Select(d => fleet.Holds(d.Id) ? new ReplayDevice(d.Id, d.Position, d.Skip, draw) : Recorded(d))];
    }

    /// <summary>
    /// A device as the ledger saw it answer the actual offer: reachable at once, its delays measured from that offer;
    /// one that reported at the instant of the offer answered the offer itself, and answers a replayed one the same way.
    /// </summary>
    private static ReplayDevice Recorded(RecordedDevice d) => new(d.Id, d.Position, d.Skip, new DeviceBehaviour(null, d switch
    {
        { OfferedAt: null } => DeviceFate.Unknown,
        { InstalledAt: { } installed, OfferedAt: { } offered } =>
            new DeviceFate(InstallFate.Installs, installed - offered, d.AppliedAt is { } applied ? applied - installed : null, AtOnce: installed == offered),
        { FailedAt: { } failed, OfferedAt: { } offered } => new DeviceFate(InstallFate.Fails, failed - offered, null, AtOnce: failed == offered),
        _ => new DeviceFate(InstallFate.Silent, TimeSpan.Zero, null, AtOnce: false),
    }));

    /// <summary>The actual rollout, device by device: <paramref name="devices"/> are <paramref name="recorded"/>'s, in the same order.</summary>
    private static IReadOnlyList<DeviceCourse> Courses(RecordedRollout recorded, IReadOnlyList<ReplayDevice> devices, RolloutPlan plan) =>
        [.. recorded.Devices.Zip(devices, (seen, device) => new DeviceCourse(device, RolloutReplay.WaveOf(plan, device.Position))
        {
            OfferedAt = seen.OfferedAt,
            InstalledAt = seen.InstalledAt,
            AppliedAt = seen.AppliedAt,
            FailedAt = seen.FailedAt,
            WithdrawnAt = seen.WithdrawnAt,
        })];

    private ReplayClock Clock(RolloutPlan plan)
    {
        if (_model is not { } simulation)
        {
            var start = _recorded.Start;
            var soaks = plan.Waves.Aggregate(TimeSpan.Zero, (total, wave) => total + wave.Soak);
            var slowest = _recorded.Devices.Select(d => (d.AppliedAt ?? d.InstalledAt ?? d.FailedAt ?? start) - start).DefaultIfEmpty().Max();
            return new ReplayClock(start, LiveStep, LiveStep, _recorded.Actual.Recall?.IssuedAt, null, start + soaks + slowest + TimeSpan.FromDays(1));
        }

        var scenario = simulation.Scenario with
        {
            Releases = [.. simulation.Scenario.Releases.Select(r => r.Id == Release ? r with { Plan = plan } : r)],
        };
        var fleet = scenario.Fleet;
        var step = fleet.CheckInEvery < simulation.Step ? fleet.CheckInEvery : simulation.Step;
        var recall = scenario.Recall is { } r && r.Release == Release ? simulation.Start + r.At : (DateTimeOffset?)null;
        return new ReplayClock(simulation.Start, step, fleet.CheckInEvery, recall, _othersSettled, simulation.Start + RunHorizon.Of(scenario));
    }

    /// <summary>When the run's other releases had all settled (and its recall of another release was issued): from then on, the run stopped check-ins once this one settled too.</summary>
    private static async Task<DateTimeOffset?> OthersSettledAsync(string connectionString, SimulationRecord simulation, ReleaseId release, CancellationToken cancellationToken)
    {
        DateTimeOffset? settled = simulation.Scenario.Recall is { } recall && recall.Release != release ? simulation.Start + recall.At : null;
        var others = simulation.Scenario.Releases.Where(r => r.Id != release).ToList();
        var streams = await StoredStreams.ReadAsync(connectionString, [.. others.Select(r => r.Id.ToString())], cancellationToken);
        foreach (var other in others)
        {
            var at = SettledAt(other.Id, streams[other.Id.ToString()].OfType<IReleaseEvent>()) ?? DateTimeOffset.MaxValue;
            settled = settled is { } known && known > at ? known : at;
        }

        return settled;
    }

    /// <summary>When the release last stopped moving by itself (finished, halted, or its recall completed); null if it has not.</summary>
    private static DateTimeOffset? SettledAt(ReleaseId id, IEnumerable<IReleaseEvent> events)
    {
        var release = Domain.Releases.Release.Unpublished(id);
        DateTimeOffset? since = null;
        foreach (var e in events)
        {
            release = release.Apply(e);
            var settled = release switch
            {
                { Recall: { } recall } => recall.IsComplete,
                { Phase: RolloutPhase.Completed or RolloutPhase.Halted } => true,
                _ => false,
            };
            since = !settled ? null : since ?? e switch
            {
                RecallCompleted c => c.At,
                WaveCompleted c => c.At,
                RolloutHalted c => c.At,
                _ => throw new InvalidOperationException($"{id} settled on {e.GetType().Name}"),
            };
        }

        return since;
    }
}
