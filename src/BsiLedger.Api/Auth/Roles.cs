namespace BsiLedger.Api.Auth;

/// <summary>Who may call the API, each with a token of its own under <c>Auth:Tokens:&lt;role&gt;</c>.</summary>
public static class Roles
{
    /// <summary>Commands releases and devices, and reads everything an auditor reads.</summary>
    public const string Operator = "operator";

    /// <summary>Reads: device and release state, history, exposure, verification. Never commands.</summary>
    public const string Auditor = "auditor";

    /// <summary>
    /// A device reporting for itself. Its configured value is not a token but the key that derives each device's own
    /// (<see cref="DeviceTokens"/>).
    /// </summary>
    public const string Device = "device";

    /// <summary>Watches the service: health now, metrics and the dashboard when they are mounted.</summary>
    public const string Sre = "sre";

    public static readonly string[] All = [Operator, Auditor, Device, Sre];
}
