namespace BsiLedger.Domain.Devices;

/// <summary>Why a rollout passed a device by without installing anything on it.</summary>
public enum SkipReason
{
    AutoInstallOff,
    MdmForbids,
}
