using System.Security.Cryptography;
using System.Text;
using BsiLedger.Domain.Devices;

namespace BsiLedger.Api.Auth;

/// <summary>
/// Each device's own token, <c>DEVICE-ID.HMAC</c>: the device id, a dot, and HMAC-SHA256 of the id under the
/// <c>Auth:Tokens:device</c> key in lower-case hex. The token names its device, so the server keeps no list of them;
/// an operator issues one (<c>POST /devices</c>, <c>GET /devices/{id}/token</c>), and changing the key revokes them all.
/// </summary>
public sealed class DeviceTokens(byte[] key)
{
    public string Issue(string deviceId) =>
        $"{deviceId}.{Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(deviceId)))}";

    /// <summary>The device the token was issued to, or null when it is not a device token under this key.</summary>
    public string? DeviceOf(string token)
    {
        // Device ids may hold dots; the hex never does.
        var dot = token.LastIndexOf('.');
        if (dot <= 0 || !DeviceIds.IsValid(token[..dot], out _))
        {
            return null;
        }

        var deviceId = token[..dot];
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Issue(deviceId)), Encoding.UTF8.GetBytes(token))
            ? deviceId
            : null;
    }
}
