using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices;

/// <summary>How a rollout of a release finds a device, before anything is offered.</summary>
public static class RolloutStanding
{
    /// <summary>
    /// Where the device already stands with the release, or null when it is eligible and an offer should go out.
    /// A device that failed the release once is not offered it again by the same rollout.
    /// </summary>
    public static OfferOutcome? Of(Device device, ReleaseId release)
    {
        if (!device.IsEnrolled || release.Platform != device.Platform || release.Base != device.Os)
        {
            return OfferOutcome.Ineligible;
        }

        if (device.Withdrawn.Contains(release))
        {
            return OfferOutcome.Withdrawn;
        }

        if (device.Applied == release)
        {
            return OfferOutcome.Applied;
        }

        if (device.Staged == release)
        {
            return OfferOutcome.Installed;
        }

        if (device.Newest is { } newest && newest.Supersedes(release))
        {
            return OfferOutcome.Ineligible;
        }

        if (device.Failed.Contains(release))
        {
            return OfferOutcome.Failed;
        }

        return device.SkipsRollouts switch
        {
            SkipReason.AutoInstallOff => OfferOutcome.AutoInstallOff,
            SkipReason.MdmForbids => OfferOutcome.MdmForbids,
            _ => null,
        };
    }
}
