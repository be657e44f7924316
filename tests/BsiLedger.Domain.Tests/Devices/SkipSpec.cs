using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Devices.Events;

namespace BsiLedger.Domain.Tests.Devices;

public sealed class SkipSpec : DeviceSpec
{
    private static readonly Cause Rollout = Cause.Policy("rollout");

    [Fact]
    public void A_skip_is_recorded_with_its_reason()
    {
        Given(Enrolled(autoInstall: false));
        When(new RecordSkip(Id, R("iOS 26.3.1 (a)"), SkipReason.AutoInstallOff, Rollout));
        Then(new BsiSkipped(Id, R("iOS 26.3.1 (a)"), SkipReason.AutoInstallOff, Now, Rollout));
        Assert.Equal(SkipReason.AutoInstallOff, StateAfter().Skipped[R("iOS 26.3.1 (a)")]);
    }

    [Fact]
    public void A_skip_installs_nothing()
    {
        Given(Enrolled(autoInstall: false));
        When(new RecordSkip(Id, R("iOS 26.3.1 (a)"), SkipReason.AutoInstallOff, Rollout));
        var after = StateAfter();
        Assert.Empty(after.Installed);
        Assert.Empty(after.Failed);
        Assert.Equal(Current.Os, after.Os);
    }

    [Fact]
    public void The_same_skip_recorded_again_changes_nothing()
    {
        Given(Enrolled(autoInstall: false),
            new BsiSkipped(Id, R("iOS 26.3.1 (a)"), SkipReason.AutoInstallOff, T0.AddHours(1), Rollout));
        When(new RecordSkip(Id, R("iOS 26.3.1 (a)"), SkipReason.AutoInstallOff, Rollout));
        ThenNothingHappens();
    }

    [Fact]
    public void A_skip_for_another_reason_is_recorded_and_replaces_the_reason()
    {
        Given(Enrolled(autoInstall: false),
            new BsiSkipped(Id, R("iOS 26.3.1 (a)"), SkipReason.AutoInstallOff, T0.AddHours(1), Rollout),
            new ManagementPolicyChanged(Id, true, MdmPolicy.Forbid, T0.AddHours(2), Cause.Operator("mdm")));
        When(new RecordSkip(Id, R("iOS 26.3.1 (a)"), SkipReason.MdmForbids, Rollout));
        Then(new BsiSkipped(Id, R("iOS 26.3.1 (a)"), SkipReason.MdmForbids, Now, Rollout));
        Assert.Equal(SkipReason.MdmForbids, StateAfter().Skipped[R("iOS 26.3.1 (a)")]);
    }

    [Fact]
    public void A_skip_of_another_release_is_recorded_on_its_own()
    {
        Given(Enrolled(autoInstall: false),
            new BsiSkipped(Id, R("iOS 26.3.1 (a)"), SkipReason.AutoInstallOff, T0.AddHours(1), Rollout));
        When(new RecordSkip(Id, R("iOS 26.3.1 (b)"), SkipReason.AutoInstallOff, Rollout));
        Then(new BsiSkipped(Id, R("iOS 26.3.1 (b)"), SkipReason.AutoInstallOff, Now, Rollout));
        Assert.Equal(2, StateAfter().Skipped.Count);
    }

    [Fact]
    public void A_skip_of_a_device_that_is_not_enrolled_is_refused()
    {
        Given();
        When(new RecordSkip(Id, R("iOS 26.3.1 (a)"), SkipReason.AutoInstallOff, Rollout));
        ThenRefused<DeviceNotEnrolled>();
    }

    [Fact]
    public void A_skipped_device_can_still_install_the_release_itself()
    {
        Given(Enrolled(autoInstall: false),
            new BsiSkipped(Id, R("iOS 26.3.1 (a)"), SkipReason.AutoInstallOff, T0.AddHours(1), Rollout));
        When(new InstallBsi(Id, R("iOS 26.3.1 (a)"), Self));
        Then(new BsiInstalled(Id, R("iOS 26.3.1 (a)"), Now, Self));
    }
}
