using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Output;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Devices;
using BsiLedger.Operations.Devices;
using BsiLedger.Operations.Input;
using Spectre.Console;

namespace BsiLedger.Cli.Devices;

/// <summary><c>bsi device show</c> and <c>check-in</c>: questions to an enrolled device's grain.</summary>
public static class DeviceQueries
{
    public static Command Show(CommandRunner runner, Argument<string> id)
    {
        var command = new Command("show", "A device's current state") { id };
        RegisterForEnrolled(runner, command, id, (snapshot, output) =>
        {
            var d = snapshot.Device;
            output.Write(DeviceDocument.Of(snapshot), console =>
            {
                var table = new Table().AddColumns("field", "value").HideHeaders();
                table.AddRow("device", Markup.Escape(d.Id));
                table.AddRow("platform", $"{d.Platform} {d.Os}");
                table.AddRow("model", Markup.Escape(d.Model));
                table.AddRow("auto-install", d.AutoInstall ? "on" : "off");
                table.AddRow("managed", d.Managed ? $"yes (policy: {d.MdmPolicy.ToString().ToLowerInvariant()})" : "no");
                table.AddRow("applied", Markup.Escape(d.Applied?.ToString() ?? "none (base OS)"));
                table.AddRow("staged", Markup.Escape(d.Staged?.ToString() ?? "none"));
                table.AddRow("stream version", snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                console.Write(table);
            });
        });
        return command;
    }

    /// <summary>
    /// A device comes back (typically after being offline) and takes what it is owed: every recalled release it
    /// still has is withdrawn, and the newest release its cohort is offered is offered to it.
    /// </summary>
    public static Command CheckIn(CommandRunner runner, Argument<string> id)
    {
        var command = new Command("check-in", "A device comes back and takes what it is owed: recalled releases are withdrawn, the release its cohort is offered is offered") { id, CommandIdOption.Option };
        runner.Register(command, parse =>
        {
            var deviceId = InputParsers.DeviceId(parse.GetValue(id));
            var provenance = CommandIdOption.Read(parse);
            return async (ledger, output, _) =>
            {
                var grain = ledger.Grains.GetGrain<IDeviceGrain>(deviceId);
                if (!(await grain.GetState()).Device.IsEnrolled)
                {
                    return await NotEnrolledAsync(deviceId, output);
                }

                var report = await grain.CheckIn(provenance);
                var withdrawn = report.Withdrawn.Select(r => r.ToString()).ToArray();
                output.Write(CheckInDocument.Of(deviceId, report, provenance), console =>
                {
                    console.WriteLine(withdrawn.Length > 0
                        ? $"{deviceId}: checked in; withdrawn by recall: {string.Join(", ", withdrawn)}"
                        : $"{deviceId}: checked in; nothing to withdraw");
                    console.WriteLine(report.Offered is { } offered
                        ? $"{deviceId}: {offered} {Describe(report.Outcome)}"
                        : $"{deviceId}: no release is offered to it");
                    console.WriteLine($"stream version {report.Version}");
                });
                return ExitCodes.Done;
            };
        });
        return command;
    }

    private static string Describe(OfferOutcome? outcome) => outcome switch
    {
        OfferOutcome.Awaiting => "offered; awaiting the device's report (bsi device install, fail, apply)",
        OfferOutcome.AutoInstallOff => "skipped: automatic installation is off",
        OfferOutcome.MdmForbids => "skipped: its MDM policy forbids automatic installation",
        OfferOutcome.Offline => "waits: the device cannot be reached",
        OfferOutcome.Ineligible => "is not for this device",
        { } other => $"already {other.ToString().ToLowerInvariant()}",
        null => "offered",
    };

    /// <summary>Runs <paramref name="render"/> on the device's state, or refuses (exit 1) when it is not enrolled.</summary>
    private static void RegisterForEnrolled(CommandRunner runner, Command command, Argument<string> id, Action<DeviceSnapshot, ResultWriter> render) =>
        runner.Register(command, parse =>
        {
            var deviceId = InputParsers.DeviceId(parse.GetValue(id));
            return async (ledger, output, _) =>
            {
                var snapshot = await ledger.Grains.GetGrain<IDeviceGrain>(deviceId).GetState();
                if (!snapshot.Device.IsEnrolled)
                {
                    return await NotEnrolledAsync(deviceId, output);
                }

                render(snapshot, output);
                return ExitCodes.Done;
            };
        });

    public static Task<int> NotEnrolledAsync(string deviceId, ResultWriter output) =>
        CommandOutcomes.RefuseAsync(output, "device", deviceId, new DeviceNotEnrolled(deviceId));
}
