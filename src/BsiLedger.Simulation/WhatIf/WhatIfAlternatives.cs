using System.Collections.Immutable;
using BsiLedger.Domain.Releases;
using BsiLedger.Simulation.Reports;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>A finished simulation's alternative plans replayed on its ledger, each release's rollout read once.</summary>
public static class WhatIfAlternatives
{
    public static async Task<IReadOnlyList<AlternativeOutcome>> RunAsync(string connectionString, IReadOnlyList<WhatIfAlternative> alternatives, CancellationToken cancellationToken)
    {
        var replays = new Dictionary<ReleaseId, WhatIfReplay>();
        var outcomes = new List<AlternativeOutcome>(alternatives.Count);
        foreach (var alternative in alternatives)
        {
            if (!replays.TryGetValue(alternative.Release, out var replay))
            {
                replay = await WhatIfReplay.LoadAsync(connectionString, alternative.Release, cancellationToken);
                replays[alternative.Release] = replay;
            }

            var played = replay.Play(alternative.Plan);
            var figures = RolloutFigures.Of(played.Release, played.Courses, replay.Start);
            outcomes.Add(new AlternativeOutcome(alternative.Release.ToString(), alternative.Name, replay.Actual, figures) { Curve = Running(played.Courses) });
        }

        return outcomes;
    }

    /// <summary>Devices running the release over time: from each apply to the withdrawal that ended it.</summary>
    private static ImmutableArray<TimelinePoint> Running(IReadOnlyList<DeviceCourse> courses)
    {
        var changes = courses.Where(c => c.AppliedAt is not null)
            .SelectMany(c => c.WithdrawnAt is { } withdrawn ? new[] { (At: c.AppliedAt!.Value, Delta: 1), (At: withdrawn, Delta: -1) } : [(c.AppliedAt!.Value, 1)])
            .GroupBy(change => change.At)
            .OrderBy(group => group.Key);
        var running = 0;
        return [.. changes.Select(group => new TimelinePoint(group.Key, running += group.Sum(change => change.Delta)))];
    }
}
