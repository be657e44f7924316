using BsiLedger.Domain.Releases;

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
}
