using System.CommandLine;
using System.Globalization;
using BsiLedger.Cli.Devices;
using BsiLedger.Cli.Hosting;
using BsiLedger.Operations.Audit;
using BsiLedger.Operations.Input;
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
        audit.Subcommands.Add(AuditKeygen.Build(runner));
        audit.Subcommands.Add(AuditCheckpoint.Build(runner));
        audit.Subcommands.Add(AuditProve.Build(runner));
        audit.Subcommands.Add(AuditProveConsistency.Build(runner));
        audit.Subcommands.Add(AuditCheck.Build(runner));
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
                var rows = await DeviceHistory.ReadAsync(ledger.Journal, deviceId, ct);
                if (rows.Count == 0)
                {
                    return await DeviceQueries.NotEnrolledAsync(deviceId, output);
                }

                output.Write(DeviceHistory.Document(deviceId, rows), console =>
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
}
