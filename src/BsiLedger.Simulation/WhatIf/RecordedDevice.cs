using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Marten;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>One device of the line as the ledger holds it: why a rollout skips it, and the first time of each thing it did with the release.</summary>
public sealed class RecordedDevice(string id, double position, OfferOutcome? skip)
{
    public string Id { get; } = id;

    public double Position { get; } = position;

    public OfferOutcome? Skip { get; } = skip;

    public DateTimeOffset? OfferedAt { get; set; }

    public DateTimeOffset? InstalledAt { get; set; }

    public DateTimeOffset? AppliedAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>The event types <see cref="Report"/> takes: the device's reports on a release, and its withdrawal.</summary>
    public static string[] ReportTypes { get; } =
    [
        LedgerEventTypes.NameOf<BsiInstalled>(), LedgerEventTypes.NameOf<BsiApplied>(),
        LedgerEventTypes.NameOf<BsiInstallFailed>(), LedgerEventTypes.NameOf<BsiWithdrawn>(),
    ];

    /// <summary>Keeps the first time of each kind of report: a device that installed the release again keeps its first install.</summary>
    public void Report(string type, DateTimeOffset at)
    {
        if (type == ReportTypes[0])
        {
            InstalledAt ??= at;
        }
        else if (type == ReportTypes[1])
        {
            AppliedAt ??= at;
        }
        else if (type == ReportTypes[2])
        {
            FailedAt ??= at;
        }
        else
        {
            WithdrawnAt ??= at;
        }
    }
}
