using System.Collections.Immutable;
using System.Globalization;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// One parameter of a plan stepped over a range: a replay per value, everything else as the base plan has it. The
/// replays share only what was read from the ledger, and run side by side.
/// </summary>
public sealed record WhatIfSweep(SweepParameter Parameter, ImmutableArray<double> Values)
{
    /// <summary>The base plan with the parameter at <paramref name="value"/>, or why that plan is not one (naming the value).</summary>
    public RolloutPlan PlanAt(RolloutPlan plan, double value)
    {
        var swept = Parameter switch
        {
            SweepParameter.Threshold => plan with { Waves = [.. plan.Waves.Select(w => w with { FailureThreshold = value })] },
            SweepParameter.MinSample => plan with { MinSample = (int)value },
            _ => plan with { Waves = plan.Waves.SetItem(0, plan.Waves[0] with { Share = value }) },
        };
        return swept.Problem() is { } problem
            ? throw new ArgumentException($"--sweep {Name}={Label(value)}: the plan it makes is not one: {problem}")
            : swept;
    }

    public string Name => Parameter switch
    {
        SweepParameter.Threshold => "threshold",
        SweepParameter.MinSample => "min-sample",
        _ => "share1",
    };

    /// <summary>A value as a person reads it: a percentage, or a count of attempts.</summary>
    public string Label(double value) => Parameter == SweepParameter.MinSample
        ? value.ToString("0", CultureInfo.InvariantCulture)
        : RolloutPlan.Percent(value);

    public SweepResult Run(WhatIfReplay replay, RolloutPlan plan)
    {
        var plans = Values.Select(value => PlanAt(plan, value)).ToArray();
        return new SweepResult(replay.Release.ToString(), Name, replay.Actual,
            [.. Values.Zip(plans).AsParallel().AsOrdered().Select(point => new SweepPoint(point.First, Label(point.First), replay.Replay(point.Second)))]);
    }
}
