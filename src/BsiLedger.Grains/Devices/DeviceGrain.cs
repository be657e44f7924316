using System.Collections.Immutable;
using System.Diagnostics;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.EventStore.Telemetry;
using BsiLedger.Grains.Agents;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Releases;
using BsiLedger.Grains.Telemetry;

namespace BsiLedger.Grains.Devices;

/// <summary>
/// Thin: decides with <see cref="DeviceDecider"/> against the confirmed state. A report that would install or
/// apply a release the rules allow is then refused when the release's line says it is unpublished or recalled: such
/// a release never installs, whoever reports it.
/// </summary>
public sealed class DeviceGrain(DomainClock clock, IDeviceAgent agent) : DecidingGrain<DeviceView>, IDeviceGrain
{
    private static readonly Cause Rollout = Cause.Policy("rollout");

    private string Id => this.GetPrimaryKeyString();

    private Device Current => State.Current;

    public async Task<CommandOutcome> Execute(DeviceCommand command, Provenance provenance)
    {
        if (command.DeviceId != Id)
        {
            throw new ArgumentException($"command for '{command.DeviceId}' sent to device '{Id}'", nameof(command));
        }

        using var activity = StartActivity($"device {command.GetType().Name}", provenance);
        var outcome = await RunAsync([command], provenance, await GateAsync(command));
        activity?.SetTag("bsi.outcome", outcome.Status.ToString());
        activity?.SetTag("bsi.error", outcome.Error?.Code);
        return outcome;
    }

    public async Task<DeviceSnapshot> GetState()
    {
        await RefreshNow();
        return new DeviceSnapshot(Current, Version);
    }

    public async Task<OfferOutcome> Offer(ReleaseOffer offer)
    {
        using var activity = StartActivity("device offer", offer.Provenance);
        activity?.SetTag("bsi.release", offer.Release.ToString());
        var provenance = offer.Provenance with { CausationId = CommandIds.Offer(offer.Release, offer.Wave, Id) };
        var outcome = await OfferAsync(offer.Release, offer.Activation, provenance, checkingIn: false);
        activity?.SetTag("bsi.outcome", outcome.ToString());
        return outcome;
    }

    public Task<OfferOutcome> Standing(ReleaseId release) => Task.FromResult(
        RolloutStanding.Of(Current, release) ?? (agent.IsReachable(Id) ? OfferOutcome.Awaiting : OfferOutcome.Offline));

    public async Task<RecallOutcome> Withdraw(RecallOrder order)
    {
        if (Current.Withdrawn.Contains(order.Release))
        {
            return RecallOutcome.Withdrawn;
        }

        if (!Current.Has(order.Release))
        {
            return RecallOutcome.NotExposed;
        }

        if (!agent.IsReachable(Id))
        {
            return RecallOutcome.Pending;
        }

        using var activity = StartActivity("device withdraw", order.Provenance);
        var provenance = order.Provenance with { CausationId = CommandIds.Withdrawal(order.RecallId, Id) };
        var outcome = await RunAsync([new WithdrawBsi(Id, order.Release, order.RecallId, order.Cause)], provenance);
        if (outcome is { Status: CommandStatus.Accepted, Replayed: false })
        {
            RolloutMetrics.RecallReached(order.Release, order.IssuedAt);
        }

        return outcome.Status == CommandStatus.Refused ? RecallOutcome.NotExposed : RecallOutcome.Withdrawn;
    }

    public async Task<CheckInReport> CheckIn(Provenance provenance)
    {
        using var activity = StartActivity("device check-in", provenance);
        await RefreshNow();
        var releases = await GrainFactory.GetGrain<IReleaseLineGrain>(Current.Line).Releases();

        var withdrawn = ImmutableArray.CreateBuilder<ReleaseId>();
        foreach (var recalled in releases.Where(r => r.RecallId is not null))
        {
            // The withdrawal joins the recall's correlation; its cause is the check-in that carried it out. A check-in
            // retried after it withdrew the release reports that withdrawal again.
            var step = new Provenance(recalled.RecallId!, CommandIds.CheckInWithdrawal(provenance.CausationId, recalled.Id));
            if (!Current.Has(recalled.Id) && await FirstOutcomeAsync(step.CausationId) is null)
            {
                continue;
            }

            var withdrawal = await RunAsync([new WithdrawBsi(Id, recalled.Id, recalled.RecallId!, Cause.Device(Id))], step);
            if (withdrawal is { Status: CommandStatus.Accepted, Replayed: false })
            {
                RolloutMetrics.RecallReached(recalled.Id, recalled.RecallIssuedAt);
            }

            withdrawn.Add(recalled.Id);
        }

        var owed = releases
            .Where(r => r.OfferedShare > 0 && Cohort.Contains(r.Id, Id, r.OfferedShare) && RolloutStanding.Of(Current, r.Id) is not OfferOutcome.Ineligible)
            .MaxBy(r => r.Id.Letter);
        var outcome = owed is null
            ? (OfferOutcome?)null
            : await OfferAsync(owed.Id, owed.Activation, provenance with { CausationId = CommandIds.CheckInOffer(provenance.CausationId, owed.Id) }, checkingIn: true);
        return new CheckInReport(withdrawn.ToImmutable(), owed?.Id, outcome, Version);
    }

    private async Task<OfferOutcome> OfferAsync(ReleaseId release, Activation activation, Provenance provenance, bool checkingIn)
    {
        var outcome = await DeliverOfferAsync(release, activation, provenance, checkingIn);
        RolloutMetrics.Offered(release, outcome);
        return outcome;
    }

    private async Task<OfferOutcome> DeliverOfferAsync(ReleaseId release, Activation activation, Provenance provenance, bool checkingIn)
    {
        var standing = RolloutStanding.Of(Current, release);
        if (standing is OfferOutcome.AutoInstallOff or OfferOutcome.MdmForbids)
        {
            var reason = standing == OfferOutcome.AutoInstallOff ? SkipReason.AutoInstallOff : SkipReason.MdmForbids;
            await RunAsync([new RecordSkip(Id, release, reason, Rollout)], provenance);
            return standing.Value;
        }

        if (standing is { } known)
        {
            return known;
        }

        if (!checkingIn && !agent.IsReachable(Id))
        {
            return OfferOutcome.Offline;
        }

        var self = Cause.Device(Id);
        DeviceCommand[]? commands = agent.Answer(Id, Current.Model, release) switch
        {
            AgentAnswer.Installs => [new InstallBsi(Id, release, self), new ApplyBsi(Id, release, activation, self)],
            AgentAnswer.Fails failure => [new ReportInstallFailure(Id, release, failure.Reason, self)],
            _ => null,
        };
        if (commands is null)
        {
            return OfferOutcome.Awaiting;
        }

        await RunAsync(commands, provenance);
        return RolloutStanding.Of(Current, release) ?? OfferOutcome.Awaiting;
    }

    /// <summary>
    /// Decides the commands in order, each on the state the previous left, and appends all their events at once.
    /// A command the rules allow is still refused with <paramref name="gated"/> when there is one: the rules speak first.
    /// </summary>
    private Task<CommandOutcome> RunAsync(IReadOnlyList<DeviceCommand> commands, Provenance provenance, DomainError? gated = null) =>
        DecideAndAppendAsync(() =>
        {
            var now = clock.Now;
            var state = Current;
            var events = new List<IDeviceEvent>();
            foreach (var command in commands)
            {
                var decision = DeviceDecider.Decide(state, command, now);
                if ((decision.Error ?? gated) is { } error)
                {
                    return Decision<IDeviceEvent>.Refuse(error);
                }

                events.AddRange(decision.Events);
                state = decision.Events.Aggregate(state, (s, e) => s.Apply(e));
            }

            return Decision<IDeviceEvent>.Accept([.. events]);
        }, provenance);

    /// <summary>
    /// A report about a release the device's rules allow is refused when the release is unknown or recalled. The
    /// release is looked up once, before deciding; the rules are decided (and decided again after a conflict) on the
    /// stream as the append finds it, so no read of the stream is needed first.
    /// </summary>
    private async Task<DomainError?> GateAsync(DeviceCommand command)
    {
        var release = command switch
        {
            InstallBsi c => c.Release,
            ReportInstallFailure c => c.Release,
            ApplyBsi c => c.Release,
            _ => (ReleaseId?)null,
        };
        if (release is not { } id)
        {
            return null;
        }

        var summary = (await GrainFactory.GetGrain<IReleaseLineGrain>(ProductLine.Of(id)).Releases()).FirstOrDefault(r => r.Id == id);
        return summary switch
        {
            null => new ReleaseNotPublished(id),
            { RecallId: not null } => new ReleaseRecalled(Id, id),
            _ => null,
        };
    }

    private Activity? StartActivity(string name, Provenance provenance)
    {
        var activity = LedgerTelemetry.Source.StartActivity(name);
        activity?.SetTag("bsi.device", Id);
        activity?.SetTag("bsi.correlation_id", provenance.CorrelationId);
        return activity;
    }

    protected override void Apply(DeviceView state, object @event) =>
        state.Current = state.Current.Apply((IDeviceEvent)@event);
}
