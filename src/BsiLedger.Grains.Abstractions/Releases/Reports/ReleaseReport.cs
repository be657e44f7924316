using System.Collections.Immutable;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Releases.Reports;

/// <summary>
/// A release's rollout flattened for people and programs: <c>bsi release status --json</c> prints it and
/// <c>bsi simulate</c> writes one per release into <c>report.json</c>, so both read the same. Only a simulation's
/// report, which counts the whole line once at its end, has a <see cref="BlastRadius"/>.
/// </summary>
public sealed record ReleaseReport(
    string Release,
    string Phase,
    ImmutableArray<WaveReport> Waves,
    HaltReport? Halted,
    RecallReport? Recall,
    DateTimeOffset? NextStepAt,
    BlastRadius? BlastRadius = null)
{
    public static ReleaseReport From(ReleaseSnapshot snapshot)
    {
        var release = snapshot.Release;
        return new ReleaseReport(
            release.Id.ToString(),
            PhaseOf(release),
            [.. release.Waves.Select(wave => wave.Index == release.CurrentWave?.Index ? WaveReport.From(wave, release.OfferRate, snapshot.Reported) : WaveReport.From(wave, null))],
            release.Halt is { } h ? new HaltReport(h.At, h.Wave, h.Attempts, h.Failures, h.FailureRate, h.Threshold, h.Offered, h.NotOffered) : null,
            release.Recall is { } r ? RecallReport.From(r, snapshot.Recall) : null,
            release.NextStepAt);
    }

    /// <summary>The rollout's phase in lower case, or <c>recalled</c> once a recall was issued, whatever phase it stopped in.</summary>
    public static string PhaseOf(Release release) => release.Recall is null ? release.Phase.ToString().ToLowerInvariant() : "recalled";
}

/// <param name="Attempts">The figures the halt rule judges (<see cref="WaveTally.Attempts"/>, <see cref="WaveTally.FailureRate"/>),
/// over the same tally as the counts beside them, so that a reader need not work them out.</param>
/// <param name="FailureRate">See <paramref name="Attempts"/>.</param>
public sealed record WaveReport(
    int Index,
    double Share,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    int Targeted,
    int Installed,
    int Applied,
    int Failed,
    int Awaiting,
    int Attempts,
    double FailureRate,
    SkippedReport Skipped,
    bool Halted,
    int? Slice = null,
    int? Offered = null,
    double? OfferRate = null)
{
    /// <param name="offerRate">A paced wave's offers per hour of domain time while they are going out.</param>
    /// <param name="reported">What the wave's devices have reported so far, counted while it runs (see <see cref="WaveRecord.TallyWith"/>).</param>
    public static WaveReport From(WaveRecord wave, double? offerRate, ReportedOutcomes? reported = null)
    {
        var t = wave.TallyWith(reported);
        return new WaveReport(wave.Index, wave.Share, wave.StartedAt, wave.CompletedAt, t.Targeted, t.Installed, t.Applied, t.Failed, t.Awaiting, t.Attempts, t.FailureRate,
            new SkippedReport(t.Skipped.AutoInstallOff, t.Skipped.MdmForbids, t.Skipped.Ineligible, t.Skipped.Offline), wave.Halted,
            wave.Slice, wave.Pacing?.Offered, offerRate);
    }
}

public sealed record SkippedReport(int AutoInstallOff, int MdmForbids, int Ineligible, int Offline);

/// <param name="Offered">Devices of the halted wave's slice offered before the halt; <paramref name="NotOffered"/>, those never offered.</param>
public sealed record HaltReport(DateTimeOffset At, int Wave, int Attempts, int Failures, double FailureRate, double Threshold, int? Offered = null, int? NotOffered = null);

public sealed record RecallReport(
    string RecallId,
    string Reason,
    DateTimeOffset IssuedAt,
    DateTimeOffset? CompletedAt,
    int Exposed,
    int Withdrawn,
    int Pending,
    int Settled)
{
    public static RecallReport From(RecallRecord recall, RecallProgress? progress) => recall.IsComplete
        ? new(recall.RecallId, recall.Reason, recall.IssuedAt, recall.CompletedAt, recall.Withdrawn + recall.Settled, recall.Withdrawn, 0, recall.Settled)
        : new(recall.RecallId, recall.Reason, recall.IssuedAt, null, progress?.Exposed ?? 0, progress?.Withdrawn ?? 0, progress?.Pending ?? 0, 0);
}
