using System.CommandLine;
using System.Globalization;
using BsiLedger.Cli.Devices;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Input;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.EventStore.Telemetry;
using Spectre.Console;

namespace BsiLedger.Cli.Audit;

/// <summary>
/// <c>bsi audit at DEVICE INSTANT|--version N</c>: what the device ran at an instant of domain time, or after its
/// N-th event. The stream is replayed through the domain's own <see cref="Device"/> aggregate, so the answer is the
/// state the grain would have had then.
/// </summary>
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
                using var activity = LedgerTelemetry.Source.StartActivity("audit.at");
                activity?.SetTag("bsi.device", deviceId);
                var events = await ledger.Journal.ReadAsync(deviceId, 0, ct);
                if (events.Count == 0)
                {
                    return await DeviceQueries.NotEnrolledAsync(deviceId, output);
                }

                if (point.Version > events.Count)
                {
                    throw new UsageException($"--version {point.Version}: {deviceId} has {events.Count} event(s): write --version 1 to --version {events.Count}");
                }

                var history = events.Select(e => (IDeviceEvent)e.Data).ToArray();
                // A prefix, not a filter: state after event N is defined by the first N events, whatever their clocks say.
                var taken = point.Version is { } n ? (int)n : history.TakeWhile(e => e.At <= point.Instant).Count();
                var device = history.Take(taken).Aggregate(Device.Unenrolled, (state, e) => state.Apply(e));
                var answer = new AtAnswer(
                    deviceId,
                    point.Instant,
                    point.Version,
                    device.IsEnrolled,
                    taken,
                    taken > 0 ? history[taken - 1].At : null,
                    device.IsEnrolled ? device.Platform.ToString() : null,
                    device.IsEnrolled ? device.Os.ToString() : null,
                    device.IsEnrolled ? device.Model : null,
                    device.Applied?.ToString(),
                    device.Staged?.ToString());
                // The span times the question, not the rendering of its answer.
                activity?.Stop();
                output.Write(answer, console => Render(console, answer, history[0].At));
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

    /// <param name="StreamVersion">How many of the device's events the answer folds in (its stream version then).</param>
    /// <param name="LastEventAt">The domain time of the last of them.</param>
    private sealed record AtAnswer(
        string Device,
        DateTimeOffset? Instant,
        long? Version,
        bool Enrolled,
        long StreamVersion,
        DateTimeOffset? LastEventAt,
        string? Platform,
        string? Os,
        string? Model,
        string? Applied,
        string? Staged);
}
