using System.Reflection;
using BsiLedger.Domain;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// Every domain event type with its stored name. The stored name is the type's Orleans alias, the same
/// stable contract on the wire and on disk, so renaming a CLR type never orphans stored events.
/// </summary>
public static class LedgerEventTypes
{
    public static IReadOnlyList<(Type Type, string Name)> All { get; } =
        typeof(ILedgerEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILedgerEvent).IsAssignableFrom(t))
            .Select(t => (t, t.GetCustomAttribute<AliasAttribute>()?.Alias
                ?? throw new InvalidOperationException($"event {t.Name} needs an [Alias]: it is its stored name")))
            .OrderBy(x => x.Item2, StringComparer.Ordinal)
            .ToArray();

    private static readonly Dictionary<Type, string> NamesByType = All.ToDictionary(e => e.Type, e => e.Name);

    private static readonly Dictionary<string, Type> TypesByName = All.ToDictionary(e => e.Name, e => e.Type, StringComparer.Ordinal);

    /// <summary>The stored name of <typeparamref name="TEvent"/>, for queries that filter the events table by type.</summary>
    public static string NameOf<TEvent>()
        where TEvent : ILedgerEvent =>
        NamesByType[typeof(TEvent)];

    /// <summary>The stored name of an event's type; null when it is not a ledger event type.</summary>
    public static string? NameOf(Type type) => NamesByType.GetValueOrDefault(type);

    /// <summary>The event type stored under <paramref name="name"/>; null when no ledger event type has that name.</summary>
    public static Type? TypeNamed(string name) => TypesByName.GetValueOrDefault(name);
}
