using System.Diagnostics.CodeAnalysis;

namespace BsiLedger.Domain.Devices;

/// <summary>
/// A device id is a serial-number-like key: 1 to 64 letters, digits, '.', '_', ':' or '-'. Spaces and
/// parentheses are excluded, so a device id can never be mistaken for a release id.
/// </summary>
public static class DeviceIds
{
    public const string ExpectedForm = "1 to 64 letters, digits, '.', '_', ':' or '-', e.g. C02X1234 or iphone-0042";

    public static bool IsValid(string? id, [NotNullWhen(false)] out string? error)
    {
        if (id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            error = null;
            return true;
        }

        error = $"'{id}' is not a device id: expected {ExpectedForm}";
        return false;
    }
}
