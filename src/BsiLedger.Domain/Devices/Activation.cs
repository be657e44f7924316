namespace BsiLedger.Domain.Devices;

/// <summary>How an applied BSI becomes active: a restart of under a minute, or only a relaunch of Safari.</summary>
public enum Activation
{
    Restart,
    Relaunch,
}
