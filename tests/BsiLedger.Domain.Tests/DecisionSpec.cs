using System.Text.Json;

namespace BsiLedger.Domain.Tests;

/// <summary>Given(history) / When(command) / Then(events or error) over one aggregate's decider.</summary>
public abstract class DecisionSpec<TState, TCommand, TEvent>
    where TState : class
    where TEvent : ILedgerEvent
{
    private TState? _state;
    private Decision<TEvent>? _decision;

    /// <summary>The state before any event.</summary>
    protected abstract TState Initial { get; }

    protected abstract TState Evolve(TState state, TEvent @event);

    protected abstract Decision<TEvent> Decide(TState state, TCommand command);

    protected void Given(params TEvent[] history) => _state = history.Aggregate(Initial, Evolve);

    protected void When(TCommand command) => _decision = Decide(Current, command);

    protected void Then(params TEvent[] expected)
    {
        var decision = Decided();
        Assert.Null(decision.Error);
        Assert.Equal(expected.Select(Describe), decision.Events.Select(Describe));
    }

    protected void ThenNothingHappens() => Then();

    protected TError ThenRefused<TError>() where TError : DomainError
    {
        var decision = Decided();
        Assert.Empty(decision.Events);
        var error = Assert.IsType<TError>(decision.Error);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    /// <summary>The state the given history left.</summary>
    protected TState Current => _state ?? Initial;

    /// <summary>The state after the decided events, for rules about what state a command leaves.</summary>
    protected TState StateAfter() => Decided().Events.Aggregate(Current, Evolve);

    private Decision<TEvent> Decided() =>
        _decision ?? throw new InvalidOperationException("call When(command) before Then");

    // Records holding lists or arrays compare by reference, so events compare by their JSON form.
    protected static string Describe(TEvent e) => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType())}";
}
