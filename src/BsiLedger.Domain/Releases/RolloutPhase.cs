namespace BsiLedger.Domain.Releases;

/// <summary>Where a release's rollout is. A recall stops it in whatever phase it was (see <see cref="Release.Recall"/>).</summary>
public enum RolloutPhase
{
    /// <summary>Not published yet.</summary>
    Unpublished,
    NotPlanned,
    Planned,
    Running,
    Paused,
    Halted,
    Completed,
}
