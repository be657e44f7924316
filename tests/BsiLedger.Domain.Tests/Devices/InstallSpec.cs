using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;

namespace BsiLedger.Domain.Tests.Devices;

public sealed class InstallSpec : DeviceSpec
{
    [Fact]
    public void A_release_of_the_devices_platform_and_base_installs()
    {
        Given(Enrolled(Platform.iOS, "26.3.1"));
        When(new InstallBsi(Id, R("iOS 26.3.1 (a)"), Self));
        Then(new Domain.Devices.Events.BsiInstalled(Id, R("iOS 26.3.1 (a)"), Now, Self));
    }

    [Fact]
    public void A_release_of_another_base_version_is_refused()
    {
        Given(Enrolled(Platform.iOS, "26.3.1"));
        When(new InstallBsi(Id, R("iOS 26.3.2 (a)"), Self));
        var error = ThenRefused<BsiBaseVersionMismatch>();
        Assert.Contains("26.3.2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_of_another_platform_is_refused_even_on_the_same_base()
    {
        Given(Enrolled(Platform.macOS, "26.3.1"));
        When(new InstallBsi(Id, R("iOS 26.3.1 (a)"), Self));
        ThenRefused<BsiPlatformMismatch>();
    }

    [Fact]
    public void A_two_part_base_does_not_match_a_three_part_one()
    {
        Given(Enrolled(Platform.iOS, "26.3"));
        When(new InstallBsi(Id, R("iOS 26.3.0 (a)"), Self));
        ThenRefused<BsiBaseVersionMismatch>();
    }

    [Fact]
    public void An_unenrolled_device_installs_nothing()
    {
        Given();
        When(new InstallBsi(Id, R("iOS 26.3.1 (a)"), Self));
        ThenRefused<DeviceNotEnrolled>();
    }

    [Fact]
    public void An_older_letter_never_installs_over_an_applied_newer_one()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (b)"), Applied("iOS 26.3.1 (b)"));
        When(new InstallBsi(Id, R("iOS 26.3.1 (a)"), Self));
        var error = ThenRefused<OlderLetterRefused>();
        Assert.Equal(R("iOS 26.3.1 (b)"), error.Newer);
    }

    [Fact]
    public void An_older_letter_never_installs_over_a_staged_newer_one()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (c)"));
        When(new InstallBsi(Id, R("iOS 26.3.1 (b)"), Self));
        ThenRefused<OlderLetterRefused>();
    }

    [Fact]
    public void A_newer_letter_installs_over_an_applied_older_one_which_stays_active_until_applied()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"));
        When(new InstallBsi(Id, R("iOS 26.3.1 (b)"), Self));
        Then(new Domain.Devices.Events.BsiInstalled(Id, R("iOS 26.3.1 (b)"), Now, Self));
        var after = StateAfter();
        Assert.Equal(R("iOS 26.3.1 (b)"), after.Staged);
        Assert.Equal(R("iOS 26.3.1 (a)"), after.Applied);
    }

    [Fact]
    public void Installing_a_release_the_device_already_staged_is_a_no_op()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"));
        When(new InstallBsi(Id, R("iOS 26.3.1 (a)"), Self));
        ThenNothingHappens();
    }

    [Fact]
    public void Installing_a_release_the_device_already_runs_is_a_no_op()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"));
        When(new InstallBsi(Id, R("iOS 26.3.1 (a)"), Self));
        ThenNothingHappens();
    }
}
