using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Operations.Input;

/// <summary>Turns command-line text into domain values, or a usage error that shows the expected form.</summary>
public static class InputParsers
{
    public static string DeviceId(string? text) =>
        DeviceIds.IsValid(text, out var error) ? text! : throw new UsageException(error);

    public const string CommandIdForm = "1 to 100 letters, digits, '.', '_', ':' or '-', e.g. a UUID such as 8e03978e-40d5-43e8-bc93-6894a57f9324";

    /// <summary>
    /// The id a caller gives a command so that retrying it is recognised (<c>--command-id</c>, <c>Idempotency-Key</c>). No
    /// <c>/</c>: the ids the ledger derives for a fan-out's steps hold one, so a caller cannot name one of them.
    /// </summary>
    public static string CommandId(string source, string? text) =>
        text is { Length: > 0 and <= 100 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-')
            ? text
            : throw new UsageException($"{source}: '{text}' is not a command id: expected {CommandIdForm}");

    public static ReleaseId Release(string? text) =>
        ReleaseId.TryParse(text, out var id, out var error) ? id : throw new UsageException(error);

    /// <summary>A release id given to an option: the error names the option.</summary>
    public static ReleaseId Release(string option, string? text) =>
        ReleaseId.TryParse(text, out var id, out var error) ? id : throw new UsageException($"{option}: {error}");

    public static OsVersion Os(string option, string? text) =>
        OsVersion.TryParse(text, out var version, out var error) ? version : throw new UsageException($"{option}: {error}");

    public static Platform Platform(string? text) =>
        PlatformNames.TryParse(text, out var platform)
            ? platform.Value
            : throw new UsageException($"--platform: '{text}' is not a platform: expected {PlatformNames.Expected}");

    public static bool OnOff(string option, string? text) => text switch
    {
        "on" => true,
        "off" => false,
        _ => throw new UsageException($"{option}: '{text}' is not on or off: write {option} on or {option} off"),
    };

    public static MdmPolicy Policy(string? text) => text switch
    {
        "allow" => MdmPolicy.Allow,
        "forbid" => MdmPolicy.Forbid,
        _ => throw new UsageException($"--mdm-policy: '{text}' is not a policy: expected allow or forbid"),
    };

    public static Activation ActivationKind(string? text) => text switch
    {
        "restart" => Activation.Restart,
        "relaunch" => Activation.Relaunch,
        _ => throw new UsageException($"--activation: '{text}' is not an activation: expected restart or relaunch"),
    };

    public static string Text(string option, string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Any(char.IsControl)
            ? throw new UsageException($"{option}: expected a non-empty text without control characters")
            : text;
}
