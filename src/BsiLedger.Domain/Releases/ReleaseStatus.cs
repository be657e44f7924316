namespace BsiLedger.Domain.Releases;

/// <summary>What a device may do with a release: only a published release that was never recalled installs.</summary>
public enum ReleaseStatus
{
    // Stored nowhere; the values are what the journal's status query answers.
    NotPublished = 0,
    Published = 1,
    Recalled = 2,
}
