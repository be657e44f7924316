namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>What <c>bsi audit check</c> found: valid, or the check that failed (<see cref="Check"/>) and why.</summary>
public sealed record CheckOutcome(bool Valid, string? Check, string Message)
{
    public static CheckOutcome Passed(string message) => new(true, null, message);

    public static CheckOutcome Failed(string check, string message) => new(false, check, message);
}
