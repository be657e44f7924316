using System.Security.Cryptography;
using System.Text;
using BsiLedger.Operations.Input;
using Microsoft.Extensions.Configuration;

namespace BsiLedger.Api.Auth;

/// <summary>
/// The tokens configured per role under <c>Auth:Tokens:&lt;role&gt;</c> (environment: <c>Auth__Tokens__operator=…</c>).
/// A role with no token cannot be used. Checked once at start-up: an unknown role, a short token or one token for two
/// roles stops the server with a message, rather than leaving a role open or shut by accident.
/// </summary>
public sealed class AuthTokens
{
    public const string Section = "Auth:Tokens";

    public const int MinimumLength = 16;

    // Hashes, compared in constant time: a comparison's duration then says nothing about a token's content or length.
    private readonly Dictionary<string, byte[]> _roleHashes;

    private AuthTokens(Dictionary<string, byte[]> roleHashes, DeviceTokens? devices)
    {
        _roleHashes = roleHashes;
        Devices = devices;
    }

    /// <summary>Null when no device key is configured: no device can report for itself.</summary>
    public DeviceTokens? Devices { get; }

    public IReadOnlyCollection<string> ConfiguredRoles => [.. _roleHashes.Keys, .. Devices is null ? Array.Empty<string>() : [Roles.Device]];

    public static AuthTokens From(IConfiguration configuration)
    {
        var configured = configuration.GetSection(Section).GetChildren()
            .Where(entry => !string.IsNullOrEmpty(entry.Value))
            .ToDictionary(entry => entry.Key, entry => entry.Value!, StringComparer.Ordinal);
        foreach (var (role, token) in configured)
        {
            if (!Roles.All.Contains(role, StringComparer.Ordinal))
            {
                throw new UsageException($"{Section}:{role} is not a role: expected {string.Join(", ", Roles.All)}");
            }

            if (token.Length < MinimumLength || token.Any(char.IsControl) || token.Any(char.IsWhiteSpace))
            {
                throw new UsageException($"{Section}:{role} must be at least {MinimumLength} characters with no spaces or control characters (e.g. 32 random hex digits)");
            }
        }

        if (configured.Values.Distinct(StringComparer.Ordinal).Count() < configured.Count)
        {
            throw new UsageException($"{Section}: two roles share one token; give each role its own");
        }

        var roles = configured.Where(entry => entry.Key != Roles.Device)
            .ToDictionary(entry => entry.Key, entry => Hash(entry.Value), StringComparer.Ordinal);
        var devices = configured.TryGetValue(Roles.Device, out var key) ? new DeviceTokens(Encoding.UTF8.GetBytes(key)) : null;
        return new AuthTokens(roles, devices);
    }

    /// <summary>The role whose token this is, or null. Every role is compared, so the time taken does not say which matched.</summary>
    public string? RoleOf(string token)
    {
        var hash = Hash(token);
        string? match = null;
        foreach (var (role, expected) in _roleHashes)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                match = role;
            }
        }

        return match;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
