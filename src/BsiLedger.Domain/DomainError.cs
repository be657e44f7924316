namespace BsiLedger.Domain;

/// <summary>
/// A rule refused a command. Each rule has its own subtype whose name is the error's code and whose
/// message says what was wrong and what would be right. Nothing is appended when a command is refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.error")]
public abstract record DomainError([property: Id(0)] string Message)
{
    public string Code => GetType().Name;
}
