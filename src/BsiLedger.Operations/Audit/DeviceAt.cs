using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Telemetry;
using BsiLedger.Operations.Input;

namespace BsiLedger.Operations.Audit;

/// <summary>
/// What a device ran at an instant of domain time, or after its N-th event. The stream is replayed through the
/// domain's own <see cref="Device"/> aggregate, so the answer is the state the grain would have had then.
/// </summary>
/// <param name="EnrolledAt">When the device enrolled (domain time), for an answer from before it.</param>
public sealed record DeviceAt(AtAnswer Answer, DateTimeOffset EnrolledAt)
{
    /// <summary>Null when the device was never enrolled; a version past the stream's end is bad input.</summary>
    public static async Task<DeviceAt?> AskAsync(IEventJournal journal, string deviceId, AuditPoint point, CancellationToken ct)
    {
        using var activity = LedgerTelemetry.Source.StartActivity("audit.at");
        activity?.SetTag("bsi.device", deviceId);
        var events = await journal.ReadAsync(deviceId, 0, ct);
        if (events.Count == 0)
        {
            return null;
        }

        if (point.Version > events.Count)
        {
            throw new UsageException($"--version {point.Version}: {deviceId} has {events.Count} event(s): write --version 1 to --version {events.Count}");
        }

        var history = events.Select(e => (IDeviceEvent)e.Data).ToArray();
        // A prefix, not a filter: state after event N is defined by the first N events, whatever their clocks say.
        var taken = point.Version is { } n ? (int)n : history.TakeWhile(e => e.At <= point.Instant).Count();
        var device = history.Take(taken).Aggregate(Device.Unenrolled, (state, e) => state.Apply(e));
        return new DeviceAt(
            new AtAnswer(
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
                device.Staged?.ToString()),
            history[0].At);
    }
}
