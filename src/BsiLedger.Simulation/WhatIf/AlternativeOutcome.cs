using System.Collections.Immutable;
using System.Text.Json.Serialization;
using BsiLedger.Simulation.Reports;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// An alternative plan's replay beside the actual rollout, as <c>report.json</c> and <c>report.md</c> carry it; its
/// <see cref="Curve"/> (devices running the release, as <c>adoption.png</c> draws the actual ones) is for the chart.
/// </summary>
public sealed record AlternativeOutcome(string Release, string Name, RolloutFigures Actual, RolloutFigures Replay)
{
    [JsonIgnore]
    public ImmutableArray<TimelinePoint> Curve { get; init; } = [];
}
