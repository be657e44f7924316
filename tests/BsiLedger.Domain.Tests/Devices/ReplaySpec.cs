using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Tests.Devices;

/// <summary>History is replayable to any point: folding the first N events gives the state after event N.</summary>
public sealed class ReplaySpec : DeviceSpec
{
    [Fact]
    public void Folding_a_prefix_of_the_history_gives_the_state_at_that_version()
    {
        IDeviceEvent[] history =
        [
            Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"), Installed("iOS 26.3.1 (b)"),
            new BsiUninstalled(Id, [R("iOS 26.3.1 (a)"), R("iOS 26.3.1 (b)")], T0.AddHours(6), Self),
        ];

        var states = Enumerable.Range(0, history.Length + 1)
            .Select(n => history.Take(n).Aggregate(Device.Unenrolled, (state, e) => state.Apply(e)))
            .ToArray();

        Assert.False(states[0].IsEnrolled);
        Assert.Empty(states[1].Installed);
        Assert.Equal(R("iOS 26.3.1 (a)"), states[2].Staged);
        Assert.Equal((R("iOS 26.3.1 (a)"), (ReleaseId?)null), (states[3].Applied!.Value, states[3].Staged));
        Assert.Equal(R("iOS 26.3.1 (b)"), states[4].Staged);
        Assert.Equal(R("iOS 26.3.1 (a)"), states[4].Applied);
        Assert.Empty(states[5].Installed);
    }
}
