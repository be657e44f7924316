using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Devices.Events;

namespace BsiLedger.Domain.Tests.Devices;

public sealed class ApplySpec : DeviceSpec
{
    [Fact]
    public void A_staged_release_applies_and_becomes_what_the_device_runs()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"));
        When(new ApplyBsi(Id, R("iOS 26.3.1 (a)"), Activation.Relaunch, Self));
        Then(new BsiApplied(Id, R("iOS 26.3.1 (a)"), Activation.Relaunch, Now, Self));
        var after = StateAfter();
        Assert.Equal(R("iOS 26.3.1 (a)"), after.Applied);
        Assert.Null(after.Staged);
    }

    [Fact]
    public void Apply_before_install_is_refused()
    {
        Given(Enrolled());
        When(new ApplyBsi(Id, R("iOS 26.3.1 (a)"), Activation.Restart, Self));
        ThenRefused<BsiNotStaged>();
    }

    [Fact]
    public void Applying_a_release_other_than_the_staged_one_is_refused_and_names_the_staged_one()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (b)"));
        When(new ApplyBsi(Id, R("iOS 26.3.1 (a)"), Activation.Restart, Self));
        var error = ThenRefused<BsiNotStaged>();
        Assert.Contains("iOS 26.3.1 (b)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_applies_once_a_second_apply_is_a_no_op()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"));
        When(new ApplyBsi(Id, R("iOS 26.3.1 (a)"), Activation.Restart, Self));
        ThenNothingHappens();
    }

    [Fact]
    public void Applying_a_newer_letter_supersedes_the_older_one()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"), Installed("iOS 26.3.1 (b)"));
        When(new ApplyBsi(Id, R("iOS 26.3.1 (b)"), Activation.Restart, Self));
        Then(new BsiApplied(Id, R("iOS 26.3.1 (b)"), Activation.Restart, Now, Self));
        var after = StateAfter();
        Assert.Equal(R("iOS 26.3.1 (b)"), after.Applied);
        Assert.Equal([R("iOS 26.3.1 (b)")], after.Installed);
    }
}
