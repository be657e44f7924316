using BsiLedger.Simulation.Fleet;

namespace BsiLedger.Simulation.Runs;

/// <summary>When each offline device next checks in: every checkInEvery from its seeded phase after the start.</summary>
public sealed class CheckInSchedule
{
    private readonly PriorityQueue<string, DateTimeOffset> _due = new();
    private readonly TimeSpan _every;

    public CheckInSchedule(SimulatedFleet fleet, DateTimeOffset start)
    {
        _every = fleet.Scenario.Fleet.CheckInEvery;
        foreach (var device in fleet.All().Where(d => d.Offline))
        {
            _due.Enqueue(device.Id, start + device.CheckInPhase);
        }
    }

    public int Devices => _due.Count;

    /// <summary>The devices whose check-in falls at or before <paramref name="until"/>; each is rescheduled a period later.</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset until)
    {
        var due = new List<string>();
        while (_due.TryPeek(out var id, out var at) && at <= until)
        {
            _due.Dequeue();
            due.Add(id);
            _due.Enqueue(id, at + _every);
        }

        return due;
    }
}
