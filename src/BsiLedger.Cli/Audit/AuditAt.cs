using System.CommandLine;
using System.Globalization;
using BsiLedger.Cli.Devices;
using BsiLedger.Cli.Hosting;
using BsiLedger.Operations.Audit;
using BsiLedger.Operations.Input;
using Spectre.Console;

namespace BsiLedger.Cli.Audit;

/// <summary><c>bsi audit at DEVICE INSTANT|--version N</c>: <see cref="DeviceAt"/>, for a person or as JSON.</summary>
public static class AuditAt
{
    public static Command Build(CommandRunner runner)
    {
        var id = new Argument<string>("DEVICE") { Description = "The device id" };
        var instant = new Argument<string?>("INSTANT")
        {
            Description = "An ISO-8601 instant of domain time, e.g. 2026-03-04T12:00:00Z (no offset: UTC)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var version = new Option<long?>("--version") { Description = "Instead of INSTANT: the state after the device's N-th event (N from 1)" };
        var command = new Command("at", "What a device ran at an instant of domain time (or after event N): platform, base OS, the BSI applied and the one staged")
        {
            id, instant, version,
        };
        runner.Register(command, parse =>
        {
            var deviceId = InputParsers.DeviceId(parse.GetValue(id));
            var point = AuditPoint.Parse(parse.GetValue(instant), parse.GetValue(version));
            return async (ledger, output, ct) =>
            {
                if (await DeviceAt.AskAsync(ledger.Journal, deviceId, point, ct) is not { } at)
                {
                    return await DeviceQueries.NotEnrolledAsync(deviceId, output);
                }

                output.Write(at.Answer, console => Render(console, at.Answer, at.EnrolledAt));
                return ExitCodes.Done;
            };
        }, withSilo: false);
        return command;
    }

    private static void Render(IAnsiConsole console, AtAnswer answer, DateTimeOffset enrolledAt)
    {
        var asOf = answer.Instant is { } instant ? instant.ToString("u", CultureInfo.InvariantCulture) + " (domain time)" : $"after event {answer.Version}";
        if (!answer.Enrolled)
        {
            console.WriteLine($"{answer.Device} was not enrolled yet at {asOf}; it enrolled at {enrolledAt.ToString("u", CultureInfo.InvariantCulture)}");
            return;
        }

        var table = new Table().AddColumns("field", "value").HideHeaders();
        table.AddRow("device", Markup.Escape(answer.Device));
        table.AddRow("as of", Markup.Escape(asOf));
        table.AddRow("platform", Markup.Escape($"{answer.Platform} {answer.Os}"));
        table.AddRow("model", Markup.Escape(answer.Model ?? ""));
        table.AddRow("applied", Markup.Escape(answer.Applied ?? "none (base OS)"));
        table.AddRow("staged, not applied", Markup.Escape(answer.Staged ?? "none"));
        table.AddRow("last event", Markup.Escape($"v{answer.StreamVersion} at {answer.LastEventAt?.ToString("u", CultureInfo.InvariantCulture)}"));
        console.Write(table);
    }
}
