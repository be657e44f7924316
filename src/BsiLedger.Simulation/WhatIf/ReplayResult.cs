using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>A replayed rollout: the release as its replayed history leaves it, and each device's course.</summary>
public sealed record ReplayResult(Release Release, IReadOnlyList<DeviceCourse> Courses);
