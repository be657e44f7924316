using System.Globalization;
using BsiLedger.Operations.Input;

namespace BsiLedger.Operations.Audit;

/// <summary>The point of a device's history <c>audit at</c> asks about: an instant of domain time or a stream version, never both.</summary>
public sealed record AuditPoint(DateTimeOffset? Instant, long? Version)
{
    private const string Expected = "write an ISO-8601 instant such as 2026-03-04T12:00:00Z (or 2026-03-04T12:00+01:00, or 2026-03-04), or --version N with N >= 1";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public static AuditPoint Parse(string? instant, long? version) => (instant, version) switch
    {
        (null, null) => throw new UsageException($"give the instant or the version: {Expected}"),
        ({ }, { }) => throw new UsageException($"INSTANT and --version are alternatives: give one of them, not both; {Expected}"),
        (null, <= 0) => throw new UsageException($"--version {version}: versions count a device's events from 1; {Expected}"),
        (null, { } n) => new AuditPoint(null, n),
        ({ } text, null) => DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new AuditPoint(at, null)
            : throw new UsageException($"'{text}' is not an ISO-8601 instant: {Expected}"),
    };
}
