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

    /// <summary>The roles each policy admits, as the server enforces them and the OpenAPI document states them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Command] = [Roles.Operator],
        [Read] = [Roles.Operator, Roles.Auditor, Roles.Sre],
        // A device only on its own id: OwnDeviceRequirement.
        [DeviceReport] = [Roles.Operator, Roles.Device],
        [Watch] = [Roles.Sre, Roles.Operator],
    };

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Command, policy => policy.RequireRole(RolesOf[Command]));
        options.AddPolicy(Read, policy => policy.RequireRole(RolesOf[Read]));
        options.AddPolicy(DeviceReport, policy => policy.RequireAuthenticatedUser().AddRequirements(new OwnDeviceRequirement()));
        options.AddPolicy(Watch, policy => policy.RequireRole(RolesOf[Watch]));
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
