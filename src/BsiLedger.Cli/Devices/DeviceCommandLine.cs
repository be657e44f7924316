using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Output;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Operations.Input;
using BsiLedger.Operations.Releases;

namespace BsiLedger.Cli.Devices;

/// <summary><c>bsi device …</c>: what a device reports, and what an operator asks of one.</summary>
public static class DeviceCommandLine
{
    private static readonly Argument<string> Id = new("ID") { Description = "The device id, e.g. a serial number" };
    private static readonly Argument<string> Release = new("RELEASE") { Description = "A release id, e.g. \"iOS 26.3.1 (a)\"" };

    public static Command Build(CommandRunner runner)
    {
        var device = new Command("device", "Enrol devices and record what they report");
        device.Subcommands.Add(Enroll(runner));
        device.Subcommands.Add(Settings(runner));
        device.Subcommands.Add(Report(runner, "install", "The device staged RELEASE (downloaded, not yet active)",
            p => new InstallBsi(Device(p), InputParsers.Release(p.GetValue(Release)), Cause.Device(Device(p))), Release));
        device.Subcommands.Add(Fail(runner));
        device.Subcommands.Add(Apply(runner));
        device.Subcommands.Add(Report(runner, "uninstall", "The user removed every installed BSI (\"remove all\")",
            p => new UninstallAll(Device(p), Cause.Device(Device(p)))));
        device.Subcommands.Add(OsUpdate(runner));
        device.Subcommands.Add(DeviceQueries.CheckIn(runner, Id));
        device.Subcommands.Add(DeviceQueries.Show(runner, Id));
        return device;
    }

    private static string Device(ParseResult parse) => InputParsers.DeviceId(parse.GetValue(Id));

    private static Command Enroll(CommandRunner runner)
    {
        var platform = new Option<string>("--platform") { Description = "iOS, iPadOS or macOS", Required = true };
        var os = new Option<string>("--os") { Description = "Base OS version, e.g. 26.3.1", Required = true };
        var model = new Option<string>("--model") { Description = "Model identifier, e.g. iPhone18,1", DefaultValueFactory = _ => "unknown" };
        var autoInstall = new Option<string>("--auto-install") { Description = "on or off", DefaultValueFactory = _ => "on" };
        var managed = new Option<bool>("--managed") { Description = "The device is under MDM management" };
        var policy = new Option<string?>("--mdm-policy") { Description = "allow or forbid automatic installation (with --managed)" };
        return Report(runner, "enroll", "Enrol a device with its platform, base OS and settings", p =>
        {
            var isManaged = p.GetValue(managed);
            var mdmPolicy = p.GetValue(policy) switch
            {
                null => isManaged ? MdmPolicy.Allow : MdmPolicy.None,
                var text when isManaged => InputParsers.Policy(text),
                _ => throw new UsageException("--mdm-policy applies to a managed device: add --managed"),
            };
            return new EnrollDevice(
                Device(p),
                InputParsers.Platform(p.GetValue(platform)),
                InputParsers.Text("--model", p.GetValue(model)),
                InputParsers.Os("--os", p.GetValue(os)),
                InputParsers.OnOff("--auto-install", p.GetValue(autoInstall)),
                isManaged,
                mdmPolicy,
                Cause.Operator(Environment.UserName));
        }, platform, os, model, autoInstall, managed, policy);
    }

    private static Command Settings(CommandRunner runner)
    {
        var autoInstall = new Option<string?>("--auto-install") { Description = "on or off" };
        var managed = new Option<string?>("--managed") { Description = "on or off: whether the device is under MDM management" };
        var policy = new Option<string?>("--mdm-policy") { Description = "allow or forbid automatic installation" };
        return Report(runner, "settings", "Change a device's auto-install setting or its management", p =>
        {
            if (p.GetValue(autoInstall) is null && p.GetValue(managed) is null && p.GetValue(policy) is null)
            {
                throw new UsageException("nothing to change: give --auto-install, --managed or --mdm-policy");
            }

            return new ChangeSettings(
                Device(p),
                p.GetValue(autoInstall) is { } auto ? InputParsers.OnOff("--auto-install", auto) : null,
                p.GetValue(managed) is { } m ? InputParsers.OnOff("--managed", m) : null,
                p.GetValue(policy) is { } text ? InputParsers.Policy(text) : null,
                Cause.Operator(Environment.UserName));
        }, autoInstall, managed, policy);
    }

    private static Command Fail(CommandRunner runner)
    {
        var reason = new Option<string>("--reason") { Description = "Why the install failed", Required = true };
        return Report(runner, "fail", "Installing RELEASE failed on the device; its BSI state is unchanged",
            p => new ReportInstallFailure(Device(p), InputParsers.Release(p.GetValue(Release)),
                InputParsers.Text("--reason", p.GetValue(reason)), Cause.Device(Device(p))),
            Release, reason);
    }

    private static Command Apply(CommandRunner runner)
    {
        var activation = new Option<string?>("--activation")
        {
            Description = "restart, or relaunch for a Safari-only fix; by default the release's own activation kind as published",
        };
        return Define(runner, "apply", "The device activated the staged RELEASE (restart or relaunch)", p =>
        {
            var device = Device(p);
            var release = InputParsers.Release(p.GetValue(Release));
            var given = p.GetValue(activation) is { } text ? InputParsers.ActivationKind(text) : (Activation?)null;
            var provenance = CommandIdOption.Read(p);
            // An unpublished release has no activation kind; the device grain refuses it after its own
            // rules have spoken, so a report that is wrong for the device names that first.
            return async (ledger, output, _) =>
            {
                var kind = given ?? await PublishedActivation.OfAsync(ledger.Grains, release) ?? Activation.Restart;
                return await ExecuteAsync(ledger, output, new ApplyBsi(device, release, kind, Cause.Device(device)), provenance);
            };
        }, Release, activation);
    }

    private static Command OsUpdate(CommandRunner runner)
    {
        var to = new Option<string>("--to") { Description = "The new base OS version", Required = true };
        return Report(runner, "os-update", "A full OS update; clears every BSI of the old base",
            p => new UpdateOs(Device(p), InputParsers.Os("--to", p.GetValue(to)), Cause.Device(Device(p))), to);
    }

    private static Command Report(CommandRunner runner, string name, string description,
        Func<ParseResult, DeviceCommand> read, params Symbol[] symbols) =>
        Define(runner, name, description, parse =>
        {
            var deviceCommand = read(parse);
            var provenance = CommandIdOption.Read(parse);
            return (ledger, output, _) => ExecuteAsync(ledger, output, deviceCommand, provenance);
        }, symbols);

    private static Command Define(CommandRunner runner, string name, string description,
        Func<ParseResult, CommandRunner.Body> prepare, params Symbol[] symbols)
    {
        var command = new Command(name, description) { Id, CommandIdOption.Option };
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument: command.Arguments.Add(argument); break;
                case Option option: command.Options.Add(option); break;
            }
        }

        runner.Register(command, prepare);
        return command;
    }

    /// <summary>Sends one command to its device grain and reports the outcome with the contract's exit code.</summary>
    private static async Task<int> ExecuteAsync(LedgerSession ledger, ResultWriter output, DeviceCommand command, Provenance provenance)
    {
        var outcome = await ledger.Grains.GetGrain<IDeviceGrain>(command.DeviceId).Execute(command, provenance);
        return await CommandOutcomes.WriteAsync(output, "device", command.DeviceId, command.GetType().Name, outcome, provenance);
    }
}
