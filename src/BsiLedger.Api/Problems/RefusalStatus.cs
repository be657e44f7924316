using BsiLedger.Domain;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Releases.Errors;
using Microsoft.AspNetCore.Http;

namespace BsiLedger.Api.Problems;

/// <summary>
/// The status of a rule's refusal (docs/api.md): 404 when the device or release the route names does not exist, 422
/// when the request cannot succeed whatever the ledger holds (a malformed publication or plan, a release named in the
/// body that was never published), 409 for every other rule, each of which refused given the stream's current state.
/// </summary>
public static class RefusalStatus
{
    /// <param name="subject">What the route names: <c>device</c> or <c>release</c>.</param>
    public static int Of(DomainError error, string subject) => error switch
    {
        DeviceNotEnrolled => StatusCodes.Status404NotFound,
        ReleaseNotPublished when subject == "release" => StatusCodes.Status404NotFound,
        ReleaseNotPublished or InvalidPublication or InvalidRolloutPlan => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status409Conflict,
    };
}
