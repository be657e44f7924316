namespace BsiLedger.Grains.Fleet;

/// <summary>What a recall found on one device.</summary>
public enum RecallOutcome
{
    /// <summary>The device never had the release, or no longer has it for another reason (an OS update, a removal).</summary>
    NotExposed,
    Withdrawn,

    /// <summary>The device has the release and cannot be reached: it withdraws at its next check-in.</summary>
    Pending,
}
