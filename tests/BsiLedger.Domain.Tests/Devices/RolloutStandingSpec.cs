using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Tests.Devices;

/// <summary>How a rollout finds a device before it offers it anything.</summary>
public sealed class RolloutStandingSpec : DeviceSpec
{
    private static readonly ReleaseId A = R("iOS 26.3.1 (a)");
    private static readonly ReleaseId B = R("iOS 26.3.1 (b)");

    private static DeviceEnrolled EnrolledManaged(MdmPolicy policy, bool autoInstall) =>
        new(Id, Platform.iOS, "iPhone18,1", OsVersion.Parse("26.3.1"), autoInstall, true, policy, T0, Cause.Operator("mdm"));

    private OfferOutcome? StandingWith(ReleaseId release) => RolloutStanding.Of(Current, release);

    [Fact]
    public void An_eligible_device_with_auto_install_on_gets_an_offer()
    {
        Given(Enrolled());
        Assert.Null(StandingWith(A));
    }

    [Fact]
    public void A_device_that_is_not_enrolled_is_ineligible()
    {
        Given();
        Assert.Equal(OfferOutcome.Ineligible, StandingWith(A));
    }

    [Theory]
    [InlineData(Platform.iPadOS, "26.3.1")]
    [InlineData(Platform.macOS, "26.3.1")]
    [InlineData(Platform.iOS, "26.3.2")]
    [InlineData(Platform.iOS, "26.3")]
    [InlineData(Platform.iOS, "26.4")]
    public void A_device_of_another_platform_or_base_is_ineligible(Platform platform, string os)
    {
        Given(Enrolled(platform, os));
        Assert.Equal(OfferOutcome.Ineligible, StandingWith(A));
    }

    [Fact]
    public void A_device_whose_os_moved_on_is_ineligible()
    {
        Given(Enrolled(), new OsUpdated(Id, OsVersion.Parse("26.3.1"), OsVersion.Parse("26.4"), [], T0.AddHours(1), Self));
        Assert.Equal(OfferOutcome.Ineligible, StandingWith(A));
    }

    [Fact]
    public void A_device_that_applied_a_newer_letter_is_ineligible()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (b)"), Applied("iOS 26.3.1 (b)"));
        Assert.Equal(OfferOutcome.Ineligible, StandingWith(A));
    }

    [Fact]
    public void A_device_that_staged_a_newer_letter_is_ineligible()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (b)"));
        Assert.Equal(OfferOutcome.Ineligible, StandingWith(A));
    }

    [Fact]
    public void A_device_running_an_older_letter_gets_an_offer_of_the_newer_one()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"));
        Assert.Null(StandingWith(B));
    }

    [Fact]
    public void A_device_that_staged_the_release_has_installed_it()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"));
        Assert.Equal(OfferOutcome.Installed, StandingWith(A));
    }

    [Fact]
    public void A_device_that_applied_the_release_has_applied_it()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"));
        Assert.Equal(OfferOutcome.Applied, StandingWith(A));
    }

    [Fact]
    public void A_device_that_applied_the_release_and_staged_the_next_letter_still_counts_as_applied()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"), Installed("iOS 26.3.1 (b)"));
        Assert.Equal(OfferOutcome.Applied, StandingWith(A));
        Assert.Equal(OfferOutcome.Installed, StandingWith(B));
    }

    [Fact]
    public void A_device_the_release_was_withdrawn_from_is_withdrawn()
    {
        Given(Enrolled(), Installed("iOS 26.3.1 (a)"), Applied("iOS 26.3.1 (a)"),
            new BsiWithdrawn(Id, A, "recall-7", T0.AddHours(3), Cause.Operator("vendor")));
        Assert.Equal(OfferOutcome.Withdrawn, StandingWith(A));
    }

    [Fact]
    public void A_device_that_failed_the_release_before_is_not_offered_it_again()
    {
        Given(Enrolled(), new BsiInstallFailed(Id, A, "disk full", T0.AddHours(1), Self));
        Assert.Equal(OfferOutcome.Failed, StandingWith(A));
    }

    [Fact]
    public void A_device_that_failed_and_later_installed_the_release_has_installed_it()
    {
        Given(Enrolled(), new BsiInstallFailed(Id, A, "disk full", T0.AddHours(1), Self), Installed("iOS 26.3.1 (a)"));
        Assert.Equal(OfferOutcome.Installed, StandingWith(A));
    }

    [Fact]
    public void A_failure_of_one_release_does_not_hold_back_another()
    {
        Given(Enrolled(), new BsiInstallFailed(Id, A, "disk full", T0.AddHours(1), Self));
        Assert.Null(StandingWith(B));
    }

    [Fact]
    public void An_unmanaged_device_with_auto_install_off_is_skipped_for_that()
    {
        Given(Enrolled(autoInstall: false));
        Assert.Equal(OfferOutcome.AutoInstallOff, StandingWith(A));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_managed_device_whose_policy_forbids_is_skipped_for_its_policy(bool autoInstall)
    {
        Given(EnrolledManaged(MdmPolicy.Forbid, autoInstall));
        Assert.Equal(OfferOutcome.MdmForbids, StandingWith(A));
    }

    [Fact]
    public void A_managed_device_whose_policy_allows_gets_an_offer_even_with_auto_install_off()
    {
        Given(EnrolledManaged(MdmPolicy.Allow, autoInstall: false));
        Assert.Null(StandingWith(A));
    }

    [Fact]
    public void A_device_that_turned_auto_install_back_on_gets_an_offer_after_its_skip()
    {
        Given(Enrolled(autoInstall: false),
            new BsiSkipped(Id, A, SkipReason.AutoInstallOff, T0.AddHours(1), Cause.Policy("rollout")),
            new AutoInstallChanged(Id, true, T0.AddHours(2), Self));
        Assert.Null(StandingWith(A));
    }

    [Fact]
    public void A_device_that_has_the_release_counts_as_having_it_whatever_its_settings()
    {
        Given(EnrolledManaged(MdmPolicy.Forbid, autoInstall: false), Installed("iOS 26.3.1 (a)"));
        Assert.Equal(OfferOutcome.Installed, StandingWith(A));
    }

    [Fact]
    public void A_device_on_another_line_is_ineligible_before_its_settings_count()
    {
        Given(Enrolled(Platform.iOS, "26.4", autoInstall: false));
        Assert.Equal(OfferOutcome.Ineligible, StandingWith(A));
    }

    [Theory]
    [InlineData(false, MdmPolicy.None, true, null)]
    [InlineData(false, MdmPolicy.None, false, SkipReason.AutoInstallOff)]
    [InlineData(true, MdmPolicy.Allow, true, null)]
    [InlineData(true, MdmPolicy.Allow, false, null)]
    [InlineData(true, MdmPolicy.Forbid, true, SkipReason.MdmForbids)]
    [InlineData(true, MdmPolicy.Forbid, false, SkipReason.MdmForbids)]
    [InlineData(true, MdmPolicy.None, false, null)]
    public void A_device_skips_rollouts_for_its_settings_or_its_policy(bool managed, MdmPolicy policy, bool autoInstall, SkipReason? expected)
    {
        var device = Device.Unenrolled with { IsEnrolled = true, Managed = managed, MdmPolicy = policy, AutoInstall = autoInstall };
        Assert.Equal(expected, device.SkipsRollouts);
    }
}
