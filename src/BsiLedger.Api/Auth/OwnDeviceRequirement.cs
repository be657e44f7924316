using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BsiLedger.Api.Auth;

/// <summary>A device report: sent by an operator, or by the device named in the route (<c>{id}</c>) with its own token.</summary>
public sealed class OwnDeviceRequirement : AuthorizationHandler<OwnDeviceRequirement, HttpContext>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnDeviceRequirement requirement, HttpContext resource)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Operator)
            || (user.IsInRole(Roles.Device)
                && user.FindFirstValue(LedgerClaims.Device) is { } own
                && string.Equals(resource.GetRouteValue("id") as string, own, StringComparison.Ordinal)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
