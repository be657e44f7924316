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

    /// <summary>The stored name of <typeparamref name="TEvent"/>, for queries that filter the events table by type.</summary>
    public static string NameOf<TEvent>()
        where TEvent : ILedgerEvent =>
        All.Single(e => e.Type == typeof(TEvent)).Name;
}
