using System.Collections.Immutable;
using System.Diagnostics;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Telemetry;
using BsiLedger.Grains.Agents;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Releases;
using BsiLedger.Grains.Telemetry;

namespace BsiLedger.Grains.Devices;

/// <summary>
/// Thin: decides with <see cref="DeviceDecider"/> against the confirmed state. A report that would stage, fail or
/// apply a release the rules allow is then refused when the ledger holds the release as unpublished or recalled
/// (<see cref="ReleaseGate"/>): such a release never installs, whoever reports it and whatever any process has in memory.
/// </summary>
public sealed class DeviceGrain(DomainClock clock, IDeviceAgent agent, ILedgerIndex index) : DecidingGrain<DeviceView>, IDeviceGrain
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
        // A report on a release the ledger holds as unpublished or recalled is refused (RunAsync). Read inline: an async
        // method of its own would cost every report another continuation on the grain's scheduler.
        var gated = ReleaseGate.Of(command) is { } release
            ? ReleaseGate.Refusal(Id, release, await index.ReleaseStatusAsync(release, CancellationToken.None))
            : null;
        var outcome = await RunAsync([command], provenance, gated);
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
        if (!Current.Has(order.Release) || !agent.IsReachable(Id))
        {
            // This activation may be behind another process's writes: "not exposed" or "pending" is answered only
            // from the stream as stored, or a recall could complete around a device that holds the release.
            await RefreshNow();
        }

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
        var provenance = order.Provenance with { CausationId = CommandIds.Withdrawal(order.Release, order.RecallId, Id) };
        var outcome = await RunAsync([new WithdrawBsi(Id, order.Release, order.RecallId, order.Cause)], provenance);
        if (outcome is { Status: CommandStatus.Accepted, Replayed: false })
        {
            RolloutMetrics.RecallReached(RuntimeIdentity, order.Release, order.IssuedAt);
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
                RolloutMetrics.RecallReached(RuntimeIdentity, recalled.Id, recalled.RecallIssuedAt);
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
        RolloutMetrics.Offered(RuntimeIdentity, release, outcome);
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
    /// A command the rules allow is still refused with <paramref name="gated"/> when there is one: the rules speak
    /// first. The gate is read before deciding, so the refusal is the same on every attempt; a recall committed after
    /// that read is caught by the ledger itself when the events are stored (<see cref="RefusalOf"/>).
    /// </summary>
    private Task<CommandOutcome> RunAsync(IReadOnlyList<DeviceCommand> commands, Provenance provenance, DomainError? gated = null) =>
        DecideAndAppendAsync(() => Decide(commands, gated), provenance);

    protected override DomainError RefusalOf(ReleaseRecalledException recalled) => new ReleaseRecalled(Id, recalled.Release);

    private Decision<IDeviceEvent> Decide(IReadOnlyList<DeviceCommand> commands, DomainError? gated)
    {
        var now = clock.Now;
        var state = Current;
        var events = new List<IDeviceEvent>();
        for (var i = 0; i < commands.Count; i++)
        {
            var decision = DeviceDecider.Decide(state, commands[i], now);
            if ((decision.Error ?? gated) is { } error)
            {
                return Decision<IDeviceEvent>.Refuse(error);
            }

            if (commands.Count == 1)
            {
                // A lone command's decision is the run's: no copy of its events, no state after it.
                return decision;
            }

            events.AddRange(decision.Events);
            if (i < commands.Count - 1)
            {
                state = decision.Events.Aggregate(state, (s, e) => s.Apply(e));
            }
        }

        return Decision<IDeviceEvent>.Accept([.. events]);
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
