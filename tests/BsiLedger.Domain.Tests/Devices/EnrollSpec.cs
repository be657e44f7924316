using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Devices.Events;

namespace BsiLedger.Domain.Tests.Devices;

public sealed class EnrollSpec : DeviceSpec
{
    private static EnrollDevice Enroll() =>
        new(Id, Platform.macOS, "Mac17,2", OsVersion.Parse("26.3.2"), true, true, MdmPolicy.Forbid, Cause.Operator("it"));

    [Fact]
    public void A_new_device_enrolls_with_its_platform_base_and_settings()
    {
        Given();
        When(Enroll());
        Then(new DeviceEnrolled(Id, Platform.macOS, "Mac17,2", OsVersion.Parse("26.3.2"), true, true, MdmPolicy.Forbid, Now, Cause.Operator("it")));
    }

    [Fact]
    public void A_device_id_enrolls_once()
    {
        Given(Enrolled());
        When(Enroll());
        ThenRefused<DeviceAlreadyEnrolled>();
    }

    [Fact]
    public void Turning_auto_install_off_is_recorded_once()
    {
        Given(Enrolled(autoInstall: true));
        When(new ChangeSettings(Id, false, null, null, Self));
        Then(new AutoInstallChanged(Id, false, Now, Self));
    }

    [Fact]
    public void Settings_the_device_already_has_change_nothing()
    {
        Given(Enrolled(autoInstall: true));
        When(new ChangeSettings(Id, true, false, null, Self));
        ThenNothingHappens();
    }

    [Fact]
    public void Coming_under_management_defaults_the_policy_to_allow()
    {
        Given(Enrolled());
        When(new ChangeSettings(Id, null, true, null, Cause.Policy("mdm")));
        Then(new ManagementPolicyChanged(Id, true, MdmPolicy.Allow, Now, Cause.Policy("mdm")));
    }

    [Fact]
    public void An_mdm_policy_for_a_device_that_is_not_managed_is_refused()
    {
        Given(Enrolled());
        When(new ChangeSettings(Id, null, null, MdmPolicy.Forbid, Cause.Operator("it")));
        ThenRefused<DeviceNotManaged>();
    }
}
