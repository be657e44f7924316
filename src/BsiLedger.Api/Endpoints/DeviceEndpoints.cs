using BsiLedger.Api.Auth;
using BsiLedger.Api.Input;
using BsiLedger.Api.OpenApi;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Grains.Devices;
using BsiLedger.Operations.Devices;
using BsiLedger.Operations.Input;
using BsiLedger.Operations.Releases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BsiLedger.Api.Endpoints;

/// <summary>
/// <c>/devices</c>: an operator enrols devices; a device reports for itself (or an operator for it), as <c>bsi device …</c>
/// does; readers see its state.
/// </summary>
public static class DeviceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var devices = app.MapGroup("/devices").WithTags("devices").AnswersCommonProblems();
        devices.MapPost("/", EnrollAsync).RequireAuthorization(Policies.Command).Accepts<EnrollRequest>("application/json")
            .Command("enrollDevice", "Enrol a device", StatusCodes.Status409Conflict).Produces(StatusCodes.Status201Created, contentType: "application/json");
        devices.MapGet("/{id}/token", Token).RequireAuthorization(Policies.Command)
            .Query("getDeviceToken", "Issue a device's own token", StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        devices.MapPost("/{id}/install", async (string id, HttpRequest request, IGrainFactory grains, CancellationToken ct) =>
        {
            var device = Ids.Device(id);
            var provenance = IdempotencyKey.Read(request);
            var body = await JsonBody.ReadAsync<InstallRequest>(request, ct);
            return await ReportAsync(grains, new InstallBsi(device, Release(body.Release), Cause.Device(device)), provenance);
        }).RequireAuthorization(Policies.DeviceReport).Accepts<InstallRequest>("application/json")
            .Command("installBsi", "Report a release staged on the device", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        devices.MapPost("/{id}/fail", async (string id, HttpRequest request, IGrainFactory grains, CancellationToken ct) =>
        {
            var device = Ids.Device(id);
            var provenance = IdempotencyKey.Read(request);
            var body = await JsonBody.ReadAsync<FailRequest>(request, ct);
            var reason = Fields.Read("reason", () => InputParsers.Text("reason", body.Reason));
            return await ReportAsync(grains, new ReportInstallFailure(device, Release(body.Release), reason, Cause.Device(device)), provenance);
        }).RequireAuthorization(Policies.DeviceReport).Accepts<FailRequest>("application/json")
            .Command("reportInstallFailure", "Report a failed install", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        devices.MapPost("/{id}/apply", ApplyAsync).RequireAuthorization(Policies.DeviceReport).Accepts<ApplyRequest>("application/json")
            .Command("applyBsi", "Report a staged release activated", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        devices.MapPost("/{id}/uninstall", (string id, HttpRequest request, IGrainFactory grains) =>
            ReportAsync(grains, new UninstallAll(Ids.Device(id), Cause.Device(Ids.Device(id))), IdempotencyKey.Read(request)))
            .RequireAuthorization(Policies.DeviceReport)
            .Command("uninstallAll", "Report the user's remove-all", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        devices.MapPost("/{id}/os-update", async (string id, HttpRequest request, IGrainFactory grains, CancellationToken ct) =>
        {
            var device = Ids.Device(id);
            var provenance = IdempotencyKey.Read(request);
            var body = await JsonBody.ReadAsync<OsUpdateRequest>(request, ct);
            var to = Fields.Read("to", () => InputParsers.Os("to", body.To));
            return await ReportAsync(grains, new UpdateOs(device, to, Cause.Device(device)), provenance);
        }).RequireAuthorization(Policies.DeviceReport).Accepts<OsUpdateRequest>("application/json")
            .Command("updateOs", "Report a full OS update", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        devices.MapPost("/{id}/check-in", CheckInAsync).RequireAuthorization(Policies.DeviceReport)
            .Command("checkIn", "Check in and take what the device is owed", StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        devices.MapGet("/{id}", ShowAsync).RequireAuthorization(Policies.Read)
            .Query("getDevice", "Read a device's current state", StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> EnrollAsync(HttpRequest request, IGrainFactory grains, AuthTokens tokens, CancellationToken ct)
    {
        var provenance = IdempotencyKey.Read(request);
        var body = await JsonBody.ReadAsync<EnrollRequest>(request, ct);
        var device = Fields.Read("id", () => InputParsers.DeviceId(body.Id));
        var managed = body.Managed ?? false;
        var policy = body.MdmPolicy switch
        {
            null => managed ? MdmPolicy.Allow : MdmPolicy.None,
            var text when managed => Fields.Read("mdmPolicy", () => InputParsers.Policy(text)),
            _ => throw new Problems.InvalidFieldException("mdmPolicy", "applies to a managed device: add \"managed\": true"),
        };
        var command = new EnrollDevice(
            device,
            Fields.Read("platform", () => InputParsers.Platform(body.Platform)),
            Fields.Read("model", () => InputParsers.Text("model", body.Model ?? "unknown")),
            Fields.Read("os", () => InputParsers.Os("os", body.Os)),
            body.AutoInstall ?? true,
            managed,
            policy,
            ApiOperator.Cause);
        var outcome = await grains.GetGrain<IDeviceGrain>(device).Execute(command, provenance);
        // The device's own token, for the operator to hand to it; none when no device key is configured.
        var more = tokens.Devices is { } devices ? new Dictionary<string, object?> { ["deviceToken"] = devices.Issue(device) } : null;
        return CommandResults.Of("device", device, nameof(EnrollDevice), outcome, provenance, more, $"/devices/{device}");
    }

    private static IResult Token(string id, AuthTokens tokens)
    {
        var device = Ids.Device(id);
        return tokens.Devices is { } devices
            ? TypedResults.Ok(new { device, deviceToken = devices.Issue(device) })
            : Problems.ProblemResults.Status(StatusCodes.Status409Conflict, "DeviceTokensNotConfigured",
                $"no device key is configured: set {AuthTokens.Section}:{Roles.Device} to issue device tokens");
    }

    private static async Task<IResult> ApplyAsync(string id, HttpRequest request, IGrainFactory grains, CancellationToken ct)
    {
        var device = Ids.Device(id);
        var provenance = IdempotencyKey.Read(request);
        var body = await JsonBody.ReadAsync<ApplyRequest>(request, ct);
        var release = Release(body.Release);
        var given = body.Activation is { } text ? Fields.Read("activation", () => InputParsers.ActivationKind(text)) : (Activation?)null;
        // An unpublished release has no activation kind; the device grain refuses it after its own rules have spoken.
        var kind = given ?? await PublishedActivation.OfAsync(grains, release) ?? Activation.Restart;
        return await ReportAsync(grains, new ApplyBsi(device, release, kind, Cause.Device(device)), provenance);
    }

    private static async Task<IResult> CheckInAsync(string id, HttpRequest request, IGrainFactory grains)
    {
        var device = Ids.Device(id);
        var provenance = IdempotencyKey.Read(request);
        var grain = grains.GetGrain<IDeviceGrain>(device);
        if (!(await grain.GetState()).Device.IsEnrolled)
        {
            return CommandResults.Refused("device", device, new DeviceNotEnrolled(device));
        }

        return TypedResults.Ok(CheckInDocument.Of(device, await grain.CheckIn(provenance), provenance));
    }

    private static async Task<IResult> ShowAsync(string id, IGrainFactory grains)
    {
        var device = Ids.Device(id);
        var snapshot = await grains.GetGrain<IDeviceGrain>(device).GetState();
        return snapshot.Device.IsEnrolled
            ? TypedResults.Ok(DeviceDocument.Of(snapshot))
            : CommandResults.Refused("device", device, new DeviceNotEnrolled(device));
    }

    private static Domain.Releases.ReleaseId Release(string? text) => Fields.Read("release", () => InputParsers.Release(text));

    private static async Task<IResult> ReportAsync(IGrainFactory grains, DeviceCommand command, Provenance provenance)
    {
        var outcome = await grains.GetGrain<IDeviceGrain>(command.DeviceId).Execute(command, provenance);
        return CommandResults.Of("device", command.DeviceId, command.GetType().Name, outcome, provenance);
    }
}
