using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Events;

namespace BsiLedger.Domain.Tests.Devices;

public sealed class WithdrawSpec : DeviceSpec
{
    [Fact]
    public void A_withdrawal_removes_the_applied_release_and_names_the_recall()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"));
        When(new WithdrawBsi(Id, R("iOS 26.3.1 (a)"), "recall-7", Cause.Operator("vendor")));
        Then(new BsiWithdrawn(Id, R("iOS 26.3.1 (a)"), "recall-7", Now, Cause.Operator("vendor")));
        Assert.Empty(StateAfter().Installed);
    }

    [Fact]
    public void A_withdrawal_removes_a_staged_release_too()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"));
        When(new WithdrawBsi(Id, R("iOS 26.3.1 (a)"), "recall-7", Cause.Operator("vendor")));
        Then(new BsiWithdrawn(Id, R("iOS 26.3.1 (a)"), "recall-7", Now, Cause.Operator("vendor")));
        Assert.Null(StateAfter().Staged);
    }

    [Fact]
    public void A_withdrawal_leaves_a_device_that_does_not_have_the_release_alone()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (b)"), Applied("iOS 26.3.1 (b)"));
        When(new WithdrawBsi(Id, R("iOS 26.3.1 (a)"), "recall-7", Cause.Operator("vendor")));
        ThenNothingHappens();
    }

    [Fact]
    public void A_withdrawal_delivered_twice_withdraws_once()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"),
            new BsiWithdrawn(Id, R("iOS 26.3.1 (a)"), "recall-7", T0.AddHours(4), Cause.Operator("vendor")));
        When(new WithdrawBsi(Id, R("iOS 26.3.1 (a)"), "recall-7", Cause.Operator("vendor")));
        ThenNothingHappens();
    }

    [Fact]
    public void A_release_withdrawn_from_the_device_never_installs_on_it_again()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"),
            new BsiWithdrawn(Id, R("iOS 26.3.1 (a)"), "recall-7", T0.AddHours(4), Cause.Operator("vendor")));
        When(new InstallBsi(Id, R("iOS 26.3.1 (a)"), Self));
        ThenRefused<Domain.Devices.Errors.ReleaseRecalled>();
    }

    [Fact]
    public void After_a_withdrawal_a_later_letter_still_installs()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"),
            new BsiWithdrawn(Id, R("iOS 26.3.1 (a)"), "recall-7", T0.AddHours(4), Cause.Operator("vendor")));
        When(new InstallBsi(Id, R("iOS 26.3.1 (b)"), Self));
        Then(new BsiInstalled(Id, R("iOS 26.3.1 (b)"), Now, Self));
    }
}
