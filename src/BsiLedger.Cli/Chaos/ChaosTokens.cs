using System.Security.Cryptography;
using System.Text;
using BsiLedger.Api.Auth;

namespace BsiLedger.Cli.Chaos;

/// <summary>Fresh role tokens for one run, handed to every silo through its environment, and each device's own token.</summary>
public sealed class ChaosTokens
{
    private static readonly string VariablePrefix = AuthTokens.Section.Replace(":", "__", StringComparison.Ordinal);

    private readonly string _deviceKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public ChaosTokens() => Devices = new DeviceTokens(Encoding.UTF8.GetBytes(_deviceKey));

    public string Operator { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public DeviceTokens Devices { get; }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        [$"{VariablePrefix}__{Roles.Operator}"] = Operator,
        [$"{VariablePrefix}__{Roles.Device}"] = _deviceKey,
    };
}
