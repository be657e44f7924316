namespace BsiLedger.Domain.Releases.Pacing;

/// <summary>What a paced wave counts to raise its rate: successful installs, or offers sent.</summary>
public enum RampBasis
{
    Successes,
    Offers,
}
