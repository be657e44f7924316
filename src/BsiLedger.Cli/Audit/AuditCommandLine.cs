using System.CommandLine;
using System.Globalization;
using BsiLedger.Cli.Devices;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Input;
using BsiLedger.Domain.Devices.Events;
using Spectre.Console;

namespace BsiLedger.Cli.Audit;

/// <summary><c>bsi audit …</c>: questions answered from the stored history alone.</summary>
public static class AuditCommandLine
{
    public static Command Build(CommandRunner runner)
    {
        var audit = new Command("audit", "Replay and question the stored history");
        audit.Subcommands.Add(History(runner));
        audit.Subcommands.Add(AuditAt.Build(runner));
        audit.Subcommands.Add(AuditExposed.Build(runner));
        audit.Subcommands.Add(AuditDigest.Build(runner));
        audit.Subcommands.Add(AuditVerify.Build(runner));
        return audit;
    }

    private static Command History(CommandRunner runner)
    {
        var id = new Argument<string>("DEVICE") { Description = "The device id" };
        var command = new Command("history", "Every event of one device: version, domain time, type, release, cause, correlation id") { id };
        runner.Register(command, parse =>
        {
            var deviceId = InputParsers.DeviceId(parse.GetValue(id));
            return async (ledger, output, ct) =>
            {
                var events = await ledger.Journal.ReadAsync(deviceId, 0, ct);
                if (events.Count == 0)
                {
                    return await DeviceQueries.NotEnrolledAsync(deviceId, output);
                }

                var rows = events.Select(e => new HistoryRow(
                    e.Version,
                    ((IDeviceEvent)e.Data).At,
                    e.TypeName,
                    Release(e.Data),
                    ((IDeviceEvent)e.Data).Cause.ToString(),
                    e.Provenance.CorrelationId,
                    e.Provenance.CausationId,
                    e.StoredAt,
                    e.Data)).ToArray();
                output.Write(new { device = deviceId, events = rows }, console =>
                {
                    var table = new Table().AddColumns("v", "at (domain)", "event", "release", "cause", "correlation");
                    foreach (var row in rows)
                    {
                        table.AddRow(
                            row.Version.ToString(CultureInfo.InvariantCulture),
                            row.At.ToString("u", CultureInfo.InvariantCulture),
                            Markup.Escape(row.Type),
                            Markup.Escape(row.Release ?? ""),
                            Markup.Escape(row.Cause),
                            Markup.Escape(row.CorrelationId));
                    }

                    console.Write(table);
                });
                return ExitCodes.Done;
            };
        }, withSilo: false);
        return command;
    }

    private static string? Release(object data) => data switch
    {
        BsiInstalled e => e.Release.ToString(),
        BsiInstallFailed e => e.Release.ToString(),
        BsiApplied e => e.Release.ToString(),
        BsiWithdrawn e => e.Release.ToString(),
        BsiUninstalled e => string.Join(", ", e.Removed),
        OsUpdated e => e.Cleared.Count > 0 ? string.Join(", ", e.Cleared) : null,
        _ => null,
    };

    private sealed record HistoryRow(
        long Version, DateTimeOffset At, string Type, string? Release, string Cause,
        string CorrelationId, string CausationId, DateTimeOffset StoredAt, object Event);
}
