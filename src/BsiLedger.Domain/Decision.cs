namespace BsiLedger.Domain;

/// <summary>
/// What a decider concluded: the events to append (none when the command had already taken effect),
/// or the error that refused it.
/// </summary>
public sealed record Decision<TEvent>(IReadOnlyList<TEvent> Events, DomainError? Error)
{
    public static Decision<TEvent> Accept(params TEvent[] events) => new(events, null);
    public static Decision<TEvent> Unchanged { get; } = new([], null);
    public static Decision<TEvent> Refuse(DomainError error) => new([], error);
}
