namespace BsiLedger.Domain.Releases.Pacing;

/// <summary>How many offers are due now, and the progress once they are sent.</summary>
public sealed record PacingStep(int Due, PacingProgress Next);
