using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Events;

namespace BsiLedger.Domain.Tests.Devices;

public sealed class UninstallSpec : DeviceSpec
{
    [Fact]
    public void Remove_all_removes_every_installed_bsi_and_returns_to_the_base_state()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"), Installed("iOS 26.3.1 (b)"));
        When(new UninstallAll(Id, Self));
        Then(new BsiUninstalled(Id, [R("iOS 26.3.1 (a)"), R("iOS 26.3.1 (b)")], Now, Self));
        var after = StateAfter();
        Assert.Null(after.Applied);
        Assert.Null(after.Staged);
        Assert.Equal(OsVersion.Parse("26.3.1"), after.Os);
    }

    [Fact]
    public void Remove_all_with_nothing_installed_is_a_no_op()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), new BsiUninstalled(Id, [R("iOS 26.3.1 (a)")], T0.AddHours(3), Self));
        When(new UninstallAll(Id, Self));
        ThenNothingHappens();
    }

    [Fact]
    public void After_remove_all_an_older_letter_may_install_again()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (b)"), Applied("iOS 26.3.1 (b)"),
            new BsiUninstalled(Id, [R("iOS 26.3.1 (b)")], T0.AddHours(3), Self));
        When(new InstallBsi(Id, R("iOS 26.3.1 (a)"), Self));
        Then(new BsiInstalled(Id, R("iOS 26.3.1 (a)"), Now, Self));
    }
}
