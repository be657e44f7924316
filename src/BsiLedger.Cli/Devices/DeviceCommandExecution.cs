using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Output;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using Spectre.Console;

namespace BsiLedger.Cli.Devices;

/// <summary>Sends one command to its device grain and reports the outcome with the contract's exit code.</summary>
public static class DeviceCommandExecution
{
    public static async Task<int> RunAsync(LedgerSession ledger, ResultWriter output, DeviceCommand command)
    {
        var provenance = Provenance.NewCommand();
        var outcome = await ledger.Grains.GetGrain<IDeviceGrain>(command.DeviceId).Execute(command, provenance);
        var document = new
        {
            device = command.DeviceId,
            command = command.GetType().Name,
            status = outcome.Status,
            version = outcome.Version,
            eventsAppended = outcome.EventsAppended,
            correlationId = provenance.CorrelationId,
            error = outcome.Error is { } e ? new { code = e.Code, message = e.Message } : null,
        };
        output.Write(document, console => console.WriteLine(outcome.Status switch
        {
            CommandStatus.Accepted => $"{command.DeviceId}: {command.GetType().Name} recorded ({outcome.EventsAppended} event(s), stream version {outcome.Version})",
            CommandStatus.Unchanged => $"{command.DeviceId}: {command.GetType().Name} had already taken effect; nothing appended (stream version {outcome.Version})",
            _ => $"{command.DeviceId}: {command.GetType().Name} refused; nothing appended",
        }));

        if (outcome.Error is { } error)
        {
            await Console.Error.WriteLineAsync($"{error.Code}: {error.Message}");
            return ExitCodes.Refused;
        }

        return ExitCodes.Done;
    }
}
