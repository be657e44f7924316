using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Devices.Events;

namespace BsiLedger.Domain.Tests.Devices;

public sealed class OsUpdateSpec : DeviceSpec
{
    [Fact]
    public void An_os_update_clears_every_bsi_of_the_old_base()
    {
        Given(Enrolled(os: "26.3.1"), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"), Installed("iOS 26.3.1 (b)"));
        When(new UpdateOs(Id, OsVersion.Parse("26.4"), Self));
        Then(new OsUpdated(Id, OsVersion.Parse("26.3.1"), OsVersion.Parse("26.4"), [R("iOS 26.3.1 (a)"), R("iOS 26.3.1 (b)")], Now, Self));
        var after = StateAfter();
        Assert.Empty(after.Installed);
        Assert.Equal(OsVersion.Parse("26.4"), after.Os);
    }

    [Fact]
    public void After_an_os_update_a_bsi_of_the_old_base_no_longer_installs()
    {
        Given(Enrolled(os: "26.3.1"), new OsUpdated(Id, OsVersion.Parse("26.3.1"), OsVersion.Parse("26.4"), [], T0.AddDays(1), Self));
        When(new InstallBsi(Id, R("iOS 26.3.1 (a)"), Self));
        ThenRefused<BsiBaseVersionMismatch>();
    }

    [Fact]
    public void An_update_to_the_version_the_device_runs_is_a_no_op()
    {
        Given(Enrolled(os: "26.3.1"));
        When(new UpdateOs(Id, OsVersion.Parse("26.3.1"), Self));
        ThenNothingHappens();
    }

    [Fact]
    public void An_os_downgrade_is_refused()
    {
        Given(Enrolled(os: "26.3.1"));
        When(new UpdateOs(Id, OsVersion.Parse("26.2"), Self));
        ThenRefused<OsDowngradeRefused>();
    }
}
