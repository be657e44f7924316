using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Input;
using BsiLedger.Cli.Output;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Grains.Devices;
using Spectre.Console;

namespace BsiLedger.Cli.Devices;

/// <summary><c>bsi device show</c> and <c>check-in</c>: read a device's current state through its grain.</summary>
public static class DeviceQueries
{
    public static Command Show(CommandRunner runner, Argument<string> id)
    {
        var command = new Command("show", "A device's current state") { id };
        RegisterForEnrolled(runner, command, id, (snapshot, output) =>
        {
            var d = snapshot.Device;
            output.Write(new
            {
                device = d.Id,
                platform = d.Platform.ToString(),
                model = d.Model,
                os = d.Os.ToString(),
                autoInstall = d.AutoInstall,
                managed = d.Managed,
                mdmPolicy = d.MdmPolicy,
                applied = d.Applied?.ToString(),
                staged = d.Staged?.ToString(),
                version = snapshot.Version,
            }, console =>
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
    /// An offline device comes back and takes what it is owed. Until releases and recalls exist nothing can
    /// be owed, so a check-in confirms the device is known and appends nothing.
    /// </summary>
    public static Command CheckIn(CommandRunner runner, Argument<string> id)
    {
        var command = new Command("check-in", "An offline device comes back and takes what it is owed") { id };
        RegisterForEnrolled(runner, command, id, (snapshot, output) =>
            output.Write(new { device = snapshot.Device.Id, owed = Array.Empty<string>(), version = snapshot.Version },
                console => console.WriteLine($"{snapshot.Device.Id}: checked in; nothing owed")));
        return command;
    }

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

    public static async Task<int> NotEnrolledAsync(string deviceId, ResultWriter output)
    {
        var error = new DeviceNotEnrolled(deviceId);
        output.Write(new { device = deviceId, status = "refused", error = new { code = error.Code, message = error.Message } }, _ => { });
        await Console.Error.WriteLineAsync($"{error.Code}: {error.Message}");
        return ExitCodes.Refused;
    }
}
