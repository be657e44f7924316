using BsiLedger.Api.Auth;
using BsiLedger.Api.Input;
using BsiLedger.Api.OpenApi;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Devices;
using BsiLedger.Operations.Audit;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BsiLedger.Api.Endpoints;

/// <summary><c>/audit</c>: what <c>bsi audit …</c> answers from the stored history alone, for operators and auditors.</summary>
public static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/audit").WithTags("audit").RequireAuthorization(Policies.Read).AnswersCommonProblems();
        audit.MapGet("/devices/{id}/history", HistoryAsync).Query("getDeviceHistory", "Read a device's whole history", StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        audit.MapGet("/devices/{id}/at", AtAsync).Query("getDeviceAt", "Read what a device ran at an instant or version", StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        audit.MapGet("/devices/{id}/exposure", DeviceExposureAsync).Query("getDeviceExposure", "List every release a device ran, and for how long", StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        audit.MapGet("/releases/{id}/exposed", ExposedAsync).Query("getExposure", "List the devices exposed to a release, and for how long", StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        audit.MapGet("/verify", VerifyAsync).Query("verifyLedger", "Verify that the stored history is unaltered");
    }

    private static async Task<IResult> HistoryAsync(string id, IEventJournal journal, CancellationToken ct)
    {
        var device = Ids.Device(id);
        var rows = await DeviceHistory.ReadAsync(journal, device, ct);
        return rows.Count > 0
            ? TypedResults.Ok(DeviceHistory.Document(device, rows))
            : CommandResults.Refused("device", device, new DeviceNotEnrolled(device));
    }

    /// <param name="instant">An ISO-8601 instant of domain time; or <paramref name="version"/>, the state after the device's N-th event.</param>
    private static async Task<IResult> AtAsync(string id, string? instant, string? version, IEventJournal journal, CancellationToken ct)
    {
        var device = Ids.Device(id);
        var n = version is null ? (long?)null
            : long.TryParse(version, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
            : throw new Problems.InvalidFieldException("version", $"'{version}' is not a whole number of events");
        var point = Fields.Read(version is null ? "instant" : "version", () => AuditPoint.Parse(instant, n));
        var at = await Fields.ReadAsync("version", () => DeviceAt.AskAsync(journal, device, point, ct));
        return at is not null
            ? TypedResults.Ok(at.Answer)
            : CommandResults.Refused("device", device, new DeviceNotEnrolled(device));
    }

    private static async Task<IResult> ExposedAsync(string id, IDocumentStore store, CancellationToken ct)
    {
        var release = Ids.Release(id);
        return await Exposure.ListAsync(store, release, ct) is { } exposure
            ? TypedResults.Ok(exposure.Document())
            : CommandResults.Refused("release", release.ToString(), new ReleaseNotPublished(release));
    }

    private static async Task<IResult> DeviceExposureAsync(string id, IGrainFactory grains, IDocumentStore store, CancellationToken ct)
    {
        var device = Ids.Device(id);
        if (!(await grains.GetGrain<IDeviceGrain>(device).GetState()).Device.IsEnrolled)
        {
            return CommandResults.Refused("device", device, new DeviceNotEnrolled(device));
        }

        return TypedResults.Ok((await DeviceExposure.ListAsync(store, device, ct)).Document());
    }

    /// <summary>Always 200 when the check ran: <c>intact</c> says whether the ledger is unaltered (the CLI's exit 1 is not an error of the request).</summary>
    private static async Task<IResult> VerifyAsync(LedgerConnection ledger, CancellationToken ct) =>
        TypedResults.Ok(VerificationDocument.Of(await new LedgerVerifier(ledger.ConnectionString).VerifyAsync(null, null, ct)));
}
