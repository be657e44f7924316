namespace BsiLedger.Domain.Releases;

/// <summary>Where one device of a wave's slice stands with the release.</summary>
public enum OfferOutcome
{
    /// <summary>Not this device's line any more (its OS moved), or it already runs a newer letter.</summary>
    Ineligible,
    AutoInstallOff,
    MdmForbids,

    /// <summary>Unreachable: the offer waits for the device's next check-in.</summary>
    Offline,

    /// <summary>Offered; the device has not reported back yet (live devices report through <c>bsi device</c>).</summary>
    Awaiting,
    Installed,
    Applied,
    Failed,

    /// <summary>The release was withdrawn from the device by its recall.</summary>
    Withdrawn,
}
