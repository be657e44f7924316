namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// The reports replayed devices will make once their delays are over, by time. Every report due at a step lands at
/// that step's time, so their order within it changes nothing. A device has at most one report pending: offered again
/// while it decides, it is still on its first.
/// </summary>
public sealed class ReplayReports
{
    private readonly PriorityQueue<(DeviceCourse Course, ReportKind Kind), long> _due = new();

    public int Count => _due.Count;

    public void Add(DeviceCourse course, DateTimeOffset at, ReportKind kind)
    {
        if (!course.Reporting)
        {
            course.Reporting = true;
            _due.Enqueue((course, kind), at.UtcTicks);
        }
    }

    public IReadOnlyList<(DeviceCourse Course, ReportKind Kind)> TakeDue(DateTimeOffset until)
    {
        var due = new List<(DeviceCourse, ReportKind)>();
        while (_due.TryPeek(out var report, out var at) && at <= until.UtcTicks)
        {
            _due.Dequeue();
            report.Course.Reporting = false;
            due.Add(report);
        }

        return due;
    }
}
