using System.Collections.Immutable;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.Domain.Releases.Events;

namespace BsiLedger.Domain.Tests.Releases;

public sealed class PublishSpec : ReleaseSpec
{
    [Fact]
    public void Publishing_records_the_components_cves_activation_and_what_it_supersedes()
    {
        Given();
        When(Publish());
        Then(new ReleasePublished(Id, List("Safari", "WebKit"), List("CVE-2026-20001"), Activation.Relaunch, R("iOS 26.3.1 (a)"), Now, Ops));
    }

    [Fact]
    public void A_published_release_waits_for_a_plan()
    {
        Given();
        When(Publish());
        var after = StateAfter();
        Assert.True(after.IsPublished);
        Assert.Equal(RolloutPhase.NotPlanned, after.Phase);
        Assert.Equal(["Safari", "WebKit"], after.Components);
        Assert.Equal(["CVE-2026-20001"], after.Cves);
        Assert.Equal(Activation.Relaunch, after.Activation);
        Assert.Equal(R("iOS 26.3.1 (a)"), after.Supersedes);
        Assert.Null(after.Plan);
        Assert.Equal(0, after.OfferedShare);
        Assert.Null(after.NextStepAt);
    }

    [Fact]
    public void A_first_letter_publishes_without_superseding_anything()
    {
        Given();
        When(Publish(supersedes: null));
        Then(Published(supersedes: null) with { At = Now });
    }

    [Fact]
    public void A_release_may_be_published_without_cves()
    {
        Given();
        When(new PublishRelease(Id, List("WebKit"), [], Activation.Restart, null, Ops));
        Then(new ReleasePublished(Id, List("WebKit"), [], Activation.Restart, null, Now, Ops));
    }

    [Fact]
    public void A_release_published_with_no_cve_list_at_all_records_an_empty_list()
    {
        Given();
        When(new PublishRelease(Id, List("WebKit"), default, Activation.Restart, null, Ops));
        Then(new ReleasePublished(Id, List("WebKit"), [], Activation.Restart, null, Now, Ops));
        Assert.Empty(StateAfter().Cves);
    }

    [Fact]
    public void Republishing_a_release_published_with_no_cve_list_with_an_empty_one_changes_nothing()
    {
        Given(new ReleasePublished(Id, List("WebKit"), [], Activation.Restart, null, T0, Ops));
        When(new PublishRelease(Id, List("WebKit"), default, Activation.Restart, null, Ops));
        ThenNothingHappens();
    }

    [Fact]
    public void A_release_with_no_components_is_refused()
    {
        Given();
        When(new PublishRelease(Id, [], List("CVE-2026-20001"), Activation.Restart, null, Ops));
        var error = ThenRefused<InvalidPublication>();
        Assert.StartsWith("components:", error.Problem, StringComparison.Ordinal);
        Assert.Equal(Id, error.Release);
    }

    [Fact]
    public void A_release_with_no_component_list_at_all_is_refused()
    {
        Given();
        When(new PublishRelease(Id, default, List("CVE-2026-20001"), Activation.Restart, null, Ops));
        Assert.StartsWith("components:", ThenRefused<InvalidPublication>().Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void A_release_with_an_empty_component_name_is_refused(string blank)
    {
        Given();
        When(new PublishRelease(Id, List("WebKit", blank), [], Activation.Restart, null, Ops));
        Assert.StartsWith("components:", ThenRefused<InvalidPublication>().Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CVE-26-20001")]
    [InlineData("cve-2026-20001")]
    [InlineData("CVE-2026-123")]
    [InlineData("2026-20001")]
    [InlineData("CVE-2026-")]
    [InlineData("CVE-2026-2000a")]
    [InlineData(" CVE-2026-20001")]
    [InlineData("CVE-2026-20001 ")]
    [InlineData("CVE-2026-20001\n")]
    [InlineData("")]
    public void A_release_with_a_malformed_cve_is_refused_naming_it_and_the_expected_form(string cve)
    {
        Given();
        When(new PublishRelease(Id, List("WebKit"), List("CVE-2026-20001", cve), Activation.Restart, null, Ops));
        var error = ThenRefused<InvalidPublication>();
        Assert.StartsWith("cve:", error.Problem, StringComparison.Ordinal);
        Assert.Contains($"'{cve}'", error.Problem, StringComparison.Ordinal);
        Assert.Contains(Publication.CveForm, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iOS 26.3.1 (c)")]
    [InlineData("iOS 26.3.1 (b)")]
    [InlineData("iOS 26.3.2 (a)")]
    [InlineData("iOS 26.3 (a)")]
    [InlineData("iPadOS 26.3.1 (a)")]
    [InlineData("macOS 26.3.1 (a)")]
    public void A_release_can_only_supersede_an_earlier_letter_of_its_own_line(string other)
    {
        Given();
        When(Publish(supersedes: other));
        var error = ThenRefused<InvalidPublication>();
        Assert.StartsWith("supersedes:", error.Problem, StringComparison.Ordinal);
        Assert.Contains(other, error.Problem, StringComparison.Ordinal);
        Assert.Contains("iOS 26.3.1", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Republishing_the_identical_release_changes_nothing()
    {
        Given(Published());
        When(Publish());
        ThenNothingHappens();
    }

    [Fact]
    public void Republishing_the_identical_release_mid_rollout_changes_nothing()
    {
        Given(Published(), Planned(), Started(0));
        When(Publish());
        ThenNothingHappens();
    }

    [Theory]
    [InlineData("components")]
    [InlineData("component order")]
    [InlineData("cves")]
    [InlineData("activation")]
    public void Republishing_with_different_contents_is_refused(string change)
    {
        Given(Published());
        var same = Publish();
        When(change switch
        {
            "components" => same with { Components = List("Safari") },
            "component order" => same with { Components = List("WebKit", "Safari") },
            "cves" => same with { Cves = List("CVE-2026-20001", "CVE-2026-20002") },
            _ => same with { Activation = Activation.Restart },
        });
        Assert.Equal(Id, ThenRefused<ReleaseAlreadyPublished>().Release);
    }

    [Fact]
    public void Republishing_without_what_it_superseded_is_refused()
    {
        Given(Published(supersedes: "iOS 26.3.1 (a)"));
        When(Publish(supersedes: null));
        ThenRefused<ReleaseAlreadyPublished>();
    }

    [Fact]
    public void Republishing_with_a_supersedes_it_was_first_published_without_is_refused()
    {
        Given(Published(supersedes: null));
        When(Publish(supersedes: "iOS 26.3.1 (a)"));
        ThenRefused<ReleaseAlreadyPublished>();
    }

    [Fact]
    public void An_invalid_republication_is_refused_as_invalid_before_it_is_compared()
    {
        Given(Published());
        When(Publish() with { Components = [] });
        ThenRefused<InvalidPublication>();
    }

    public static TheoryData<string> CommandsOtherThanPublish() =>
        ["plan", "start", "begin wave 1", "end wave 0", "pause", "resume", "recall", "complete recall"];

    [Theory]
    [MemberData(nameof(CommandsOtherThanPublish))]
    public void Every_other_command_on_an_unpublished_release_is_refused(string command)
    {
        Given();
        When(command switch
        {
            "plan" => new PlanRollout(Id, ThreeWaves(), Ops),
            "start" => Begin(0),
            "begin wave 1" => Begin(1),
            "end wave 0" => End(0),
            "pause" => new PauseRollout(Id, Ops),
            "resume" => new ResumeRollout(Id, Ops),
            "recall" => new IssueRecall(Id, "recall-7", "bad", Ops),
            _ => new CompleteRecall(Id, 0, 0, Scheduler),
        });
        Assert.Equal(Id, ThenRefused<ReleaseNotPublished>().Release);
    }

    [Fact]
    public void The_start_refusal_of_an_unpublished_release_says_it_is_not_published()
    {
        var refusal = ReleaseDecider.StartRefusal(Release.Unpublished(Id));
        Assert.NotNull(refusal);
        Assert.Empty(refusal.Events);
        Assert.IsType<ReleaseNotPublished>(refusal.Error);
    }

    [Fact]
    public void An_unpublished_release_offers_nothing_and_waits_for_nobody()
    {
        var release = Release.Unpublished(Id);
        Assert.False(release.IsPublished);
        Assert.Equal(RolloutPhase.Unpublished, release.Phase);
        Assert.Equal(0, release.OfferedShare);
        Assert.Null(release.NextStepAt);
        Assert.Null(release.CurrentWave);
        Assert.Equal(ImmutableArray<string>.Empty, release.Components);
    }
}
