namespace BsiLedger.EventStore.ReadModels;

/// <summary>What ended a device's exposure to an applied release: each event that clears <c>Device.Applied</c>.</summary>
public enum ExposureEnding
{
    /// <summary><c>BsiWithdrawn</c>: the vendor's recall removed it.</summary>
    Withdrawn,

    /// <summary><c>BsiUninstalled</c>: the user removed every installed BSI.</summary>
    Removed,

    /// <summary><c>OsUpdated</c>: a full OS update absorbed it.</summary>
    OsUpdated,

    /// <summary><c>BsiApplied</c> of a newer letter: the device now runs that one.</summary>
    Superseded,
}
