using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Devices.Events;

namespace BsiLedger.Domain.Tests.Devices;

public sealed class FailureSpec : DeviceSpec
{
    [Fact]
    public void A_failed_install_is_recorded_and_leaves_the_bsi_state_unchanged()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"));
        var before = Current;
        When(new ReportInstallFailure(Id, R("iOS 26.3.1 (b)"), "signing service unreachable", Self));
        Then(new BsiInstallFailed(Id, R("iOS 26.3.1 (b)"), "signing service unreachable", Now, Self));
        var after = StateAfter();
        Assert.Equal((before.Staged, before.Applied, before.Os), (after.Staged, after.Applied, after.Os));
        Assert.Contains(R("iOS 26.3.1 (b)"), after.Failed);
    }

    [Fact]
    public void Each_failure_report_is_a_fact_of_its_own()
    {
        Given(Enrolled(), new BsiInstallFailed(Id, R("iOS 26.3.1 (a)"), "disk full", T0.AddHours(1), Self));
        When(new ReportInstallFailure(Id, R("iOS 26.3.1 (a)"), "disk full", Self));
        Then(new BsiInstallFailed(Id, R("iOS 26.3.1 (a)"), "disk full", Now, Self));
    }

    [Fact]
    public void A_failure_of_a_release_the_device_already_installed_is_refused()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"));
        When(new ReportInstallFailure(Id, R("iOS 26.3.1 (a)"), "timeout", Self));
        ThenRefused<BsiAlreadyInstalled>();
    }

    [Fact]
    public void A_failure_of_a_release_for_another_base_is_refused()
    {
        Given(Enrolled(Platform.iOS, "26.3.1"));
        When(new ReportInstallFailure(Id, R("iOS 26.4 (a)"), "timeout", Self));
        ThenRefused<BsiBaseVersionMismatch>();
    }

}
