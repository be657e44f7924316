using System.Collections.Immutable;
using System.ComponentModel;
using System.Globalization;
using BsiLedger.Api.Auth;
using BsiLedger.Api.Input;
using BsiLedger.Api.OpenApi;
using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.Domain.Releases.Pacing;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Releases;
using BsiLedger.Operations.Input;
using BsiLedger.Operations.Releases;
using BsiLedger.Operations.Releases.Timeline;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BsiLedger.Api.Endpoints;

/// <summary><c>/releases</c>: what <c>bsi release …</c> does, for the operator; the status for readers too.</summary>
public static class ReleaseEndpoints
{
    private delegate Task<CommandOutcome> Send(IReleaseGrain grain, Provenance provenance);

    public static void Map(IEndpointRouteBuilder app)
    {
        var releases = app.MapGroup("/releases").WithTags("releases").AnswersCommonProblems();
        releases.MapPost("/", PublishAsync).RequireAuthorization(Policies.Command).Accepts<PublishRequest>("application/json")
            .Command("publishRelease", "Publish a release", StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity).Produces(StatusCodes.Status201Created, contentType: "application/json");
        releases.MapPost("/{id}/plan", PlanAsync).RequireAuthorization(Policies.Command).Accepts<PlanRequest>("application/json")
            .Command("planRollout", "Plan a release's rollout in waves", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        releases.MapPost("/{id}/start", (string id, HttpRequest request, IGrainFactory grains) =>
            OperateAsync(grains, Ids.Release(id), request, "StartRollout", (grain, provenance) => grain.Start(ApiOperator.Cause, provenance), showRollout: true))
            .RequireAuthorization(Policies.Command)
            .Command("startRollout", "Start a release's rollout", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        releases.MapPost("/{id}/pause", (string id, HttpRequest request, IGrainFactory grains) =>
            OperateAsync(grains, Ids.Release(id), request, "PauseRollout", Execute(new PauseRollout(Ids.Release(id), ApiOperator.Cause)), showRollout: false))
            .RequireAuthorization(Policies.Command)
            .Command("pauseRollout", "Pause a running rollout", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        releases.MapPost("/{id}/resume", (string id, HttpRequest request, IGrainFactory grains) =>
            OperateAsync(grains, Ids.Release(id), request, "ResumeRollout", Execute(new ResumeRollout(Ids.Release(id), ApiOperator.Cause)), showRollout: true))
            .RequireAuthorization(Policies.Command)
            .Command("resumeRollout", "Resume a paused or halted rollout", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        releases.MapPost("/{id}/recall", RecallAsync).RequireAuthorization(Policies.Command).Accepts<ReasonRequest>("application/json")
            .Command("recallRelease", "Recall a release from every device", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        releases.MapGet("/", ListAsync).RequireAuthorization(Policies.Read)
            .Query("listReleases", "List the releases the ledger holds, a page at a time", StatusCodes.Status400BadRequest);
        releases.MapGet("/{id}", StatusAsync).RequireAuthorization(Policies.Read)
            .Query("getRelease", "Read a release and its rollout", StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        releases.MapGet("/{id}/timeline", TimelineAsync).RequireAuthorization(Policies.Read)
            .Query("getReleaseTimeline", "Read a release's adoption, failures and recall over time", StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PublishAsync(HttpRequest request, IGrainFactory grains, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<PublishRequest>(request, ct);
        var release = Fields.Read("id", () => InputParsers.Release(body.Id));
        ImmutableArray<string> components = [.. (body.Components ?? []).Select((name, i) => (name ?? throw Missing($"components[{i}]")).Trim())];
        ImmutableArray<string> cves = [.. (body.Cves ?? []).Select((cve, i) => cve ?? throw Missing($"cves[{i}]"))];
        var supersedes = body.Supersedes is { } older ? Fields.Read("supersedes", () => InputParsers.Release(older)) : (ReleaseId?)null;
        var activation = Fields.Read("activation", () => InputParsers.ActivationKind(body.Activation ?? "restart"));
        Fields.Check(Publication.Problem(release, components, cves, supersedes), "body",
            ("components", "components"), ("cve", "cves"), ("supersedes", "supersedes"));
        return await OperateAsync(grains, release, request, "PublishRelease",
            Execute(new PublishRelease(release, components, cves, activation, supersedes, ApiOperator.Cause)),
            showRollout: false, location: $"/releases/{Uri.EscapeDataString(release.ToString())}");
    }

    private static async Task<IResult> PlanAsync(string id, HttpRequest request, IGrainFactory grains, CancellationToken ct)
    {
        var release = Ids.Release(id);
        var body = await JsonBody.ReadAsync<PlanRequest>(request, ct);
        var waves = (body.Waves ?? []).Select((given, i) => given ?? throw Missing($"waves[{i}]")).Select((wave, i) => new WavePlan(
            wave.Share ?? throw Missing($"waves[{i}].share"),
            Fields.Read($"waves[{i}].soak", () => Durations.TryParse(wave.Soak, out var soak, out var error) ? soak : throw new UsageException(error)),
            wave.FailureThreshold ?? throw Missing($"waves[{i}].failureThreshold"),
            wave.Pacing is { } pacing ? Pacing($"waves[{i}].pacing", pacing) : null));
        var plan = new RolloutPlan([.. waves], body.MinSample ?? 100);
        Fields.Check(plan.Problem(), "waves", ("min sample", "minSample"));
        return await OperateAsync(grains, release, request, "PlanRollout", Execute(new PlanRollout(release, plan, ApiOperator.Cause)), showRollout: false);
    }

    private static async Task<IResult> RecallAsync(string id, HttpRequest request, IGrainFactory grains, CancellationToken ct)
    {
        var release = Ids.Release(id);
        var body = await JsonBody.ReadAsync<ReasonRequest>(request, ct);
        var reason = Fields.Read("reason", () => InputParsers.Text("reason", body.Reason));
        return await OperateAsync(grains, release, request, "IssueRecall", (grain, provenance) => grain.Recall(reason, ApiOperator.Cause, provenance), showRollout: true);
    }

    private static async Task<IResult> ListAsync(
        [Description("The last release of the previous page (its `next`); none for the first page.")] string? after,
        [Description("How many releases a page holds at most: 1 to 200, 50 when not given.")] string? limit,
        IDocumentStore store, IEventJournal journal, ILedgerIndex index, CancellationToken ct)
    {
        var from = after is null ? (ReleaseId?)null : Fields.Read("after", () => InputParsers.Release(after));
        var size = limit is null ? ReleasePage.DefaultLimit
            : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= ReleasePage.MaxLimit ? n
            : throw new Problems.InvalidFieldException("limit", $"'{limit}' is not a whole number from 1 to {ReleasePage.MaxLimit}");
        return TypedResults.Ok(await ReleasePage.ReadAsync(store, journal, index, from, size, ct));
    }

    private static async Task<IResult> StatusAsync(string id, IGrainFactory grains)
    {
        var release = Ids.Release(id);
        // A read takes no step: the silo's own timer moves the rollout (--advance-every), not whoever looks at it.
        var snapshot = await grains.GetGrain<IReleaseGrain>(release.ToString()).Status();
        return snapshot.Release.IsPublished
            ? TypedResults.Ok(ReleaseDocument.Of(snapshot))
            : CommandResults.Refused("release", release.ToString(), new ReleaseNotPublished(release));
    }

    private static async Task<IResult> TimelineAsync(
        string id,
        [Description("How many points a series holds at most (one more where the buckets straddle its start): 1 to 1000, 200 when not given. The bucket is the first round size that keeps the release's span within it.")] string? points,
        IDocumentStore store, CancellationToken ct)
    {
        var release = Ids.Release(id);
        var most = points is null ? ReleaseTimeline.DefaultPoints
            : int.TryParse(points, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= ReleaseTimeline.MaxPoints ? n
            : throw new Problems.InvalidFieldException("points", $"'{points}' is not a whole number from 1 to {ReleaseTimeline.MaxPoints}");
        return await ReleaseTimeline.ReadAsync(store, release, most, ct) is { } timeline
            ? TypedResults.Ok(timeline)
            : CommandResults.Refused("release", release.ToString(), new ReleaseNotPublished(release));
    }

    /// <summary>The pacing's fields as given; whether they make sense together is the plan's rule, checked with the plan.</summary>
    private static WavePacing Pacing(string field, PacingRequest pacing) => new(
        pacing.RatePerHour,
        pacing.RampFactor,
        pacing.RampEvery,
        pacing.RampOn switch
        {
            null or "successes" => RampBasis.Successes,
            "offers" => RampBasis.Offers,
            var other => throw new Problems.InvalidFieldException($"{field}.rampOn", $"'{other}' is not what a ramp counts: expected successes or offers"),
        },
        pacing.MaxPerHour,
        pacing.SpreadOver is { } over
            ? Fields.Read($"{field}.spreadOver", () => Durations.TryParse(over, out var spread, out var error) ? spread : throw new UsageException(error))
            : null);

    private static Send Execute(ReleaseCommand command) => (grain, provenance) => grain.Execute(command, provenance);

    private static Problems.InvalidFieldException Missing(string field) => new(field, "required");

    /// <summary>Sends the command to the release's grain; with <paramref name="showRollout"/>, a success carries the rollout as it left it.</summary>
    private static async Task<IResult> OperateAsync(IGrainFactory grains, ReleaseId release, HttpRequest request, string command, Send send, bool showRollout, string? location = null)
    {
        var grain = grains.GetGrain<IReleaseGrain>(release.ToString());
        var provenance = IdempotencyKey.Read(request);
        var outcome = await send(grain, provenance);
        var more = showRollout && outcome.Status != CommandStatus.Refused
            ? new Dictionary<string, object?> { ["rollout"] = ReleaseDocument.Of(await grain.Status()) }
            : null;
        return CommandResults.Of("release", release.ToString(), command, outcome, provenance, more, location);
    }
}
