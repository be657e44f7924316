using Microsoft.AspNetCore.Authorization;

namespace BsiLedger.Api.Auth;

/// <summary>What each role may do; every endpoint names one of these, and one without a policy still needs a valid token.</summary>
public static class Policies
{
    public const string Command = "command";
    public const string Read = "read";
    public const string DeviceReport = "device-report";

    /// <summary>For what an SRE watches: metrics and the dashboard, when they are mounted.</summary>
    public const string Watch = "watch";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Command, policy => policy.RequireRole(Roles.Operator));
        options.AddPolicy(Read, policy => policy.RequireRole(Roles.Operator, Roles.Auditor, Roles.Sre));
        options.AddPolicy(DeviceReport, policy => policy.RequireAuthenticatedUser().AddRequirements(new OwnDeviceRequirement()));
        options.AddPolicy(Watch, policy => policy.RequireRole(Roles.Sre, Roles.Operator));
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
