namespace BsiLedger.Api.Auth;

public static class LedgerClaims
{
    /// <summary>On a device's principal: the id of the device its token was issued to.</summary>
    public const string Device = "bsi:device";
}
