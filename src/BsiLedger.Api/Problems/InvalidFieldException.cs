namespace BsiLedger.Api.Problems;

/// <summary>Bad input, whatever the ledger holds: 400 naming the field (<c>body</c> for the request body as a whole).</summary>
public sealed class InvalidFieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
