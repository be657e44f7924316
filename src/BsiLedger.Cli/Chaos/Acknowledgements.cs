using System.Collections.Concurrent;
using BsiLedger.EventStore.Integrity;

namespace BsiLedger.Cli.Chaos;

/// <summary>Every command a silo said it appended, kept to find afterwards in the database (what is not there was lost).</summary>
public sealed class Acknowledgements
{
    private readonly ConcurrentQueue<AcknowledgedCommand> _all = new();

    public int Count => _all.Count;

    public IReadOnlyCollection<AcknowledgedCommand> All => [.. _all];

    public void Add(string streamId, string? commandId)
    {
        if (commandId is not null)
        {
            _all.Enqueue(new AcknowledgedCommand(streamId, commandId));
        }
    }
}
