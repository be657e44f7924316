namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// The reports replayed devices will make once their delays are over, in the order the simulation makes them (by time,
/// then device). A device has at most one report pending: offered again while it decides, it is still on its first.
/// </summary>
public sealed class ReplayReports
{
    private readonly PriorityQueue<(DeviceCourse Course, ReportKind Kind), (DateTimeOffset, string)> _due = new();
    private readonly HashSet<DeviceCourse> _waiting = [];

    public int Count => _due.Count;

    public void Add(DeviceCourse course, DateTimeOffset at, ReportKind kind)
    {
        if (_waiting.Add(course))
        {
            _due.Enqueue((course, kind), (at, course.Device.Id));
        }
    }

    public IReadOnlyList<(DeviceCourse Course, ReportKind Kind)> TakeDue(DateTimeOffset until)
    {
        var due = new List<(DeviceCourse, ReportKind)>();
        while (_due.TryPeek(out var report, out var at) && at.Item1 <= until)
        {
            _due.Dequeue();
            _waiting.Remove(report.Course);
            due.Add(report);
        }

        return due;
    }
}
