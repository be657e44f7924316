namespace BsiLedger.Domain.Devices;

/// <summary>What a device's management (MDM) policy says about automatic BSI installation.</summary>
public enum MdmPolicy
{
    /// <summary>The device is not managed; its own auto-install setting decides.</summary>
    None,
    Allow,
    Forbid,
}
