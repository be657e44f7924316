using BsiLedger.Domain.Releases;
using BsiLedger.Simulation.Reports;
using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Tests.Reports;

public sealed class ReportMarkdownTests
{
    private static readonly string Markdown = ReportMarkdown.Render(Scenario(), SampleReport.Create());

    [Fact]
    public void The_summary_gives_the_runs_size_seed_domain_time_and_speed()
    {
        Assert.Contains("| Devices | 2,000 (220 offline, checking in every 6h) |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Seed | 42 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Domain time | 2026-03-02 09:00 UTC (T+0h) to 2026-03-07 09:00 UTC (T+120h) |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Wall time | 10.5 s |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Events appended | 4,039 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Events per second | 383 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Peak working set | 175 MiB |", Markdown, StringComparison.Ordinal);
        Assert.Contains("](adoption.png)", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_release_shows_its_own_plan()
    {
        var ipad = Section("iPadOS 26.3.1 (a)");
        Assert.Contains("counts from 7 install attempts", ipad, StringComparison.Ordinal);
        Assert.Contains("| 1 | 0.5% | 12h | 4% |", ipad, StringComparison.Ordinal);
        Assert.Contains("| 2 | 100% | 0h | 2.5% |", ipad, StringComparison.Ordinal);
        Assert.DoesNotContain("| 1 | 1% | 24h | 5% |", ipad, StringComparison.Ordinal);

        var ios = Section("iOS 26.3.1 (a)");
        Assert.Contains("counts from 20 install attempts", ios, StringComparison.Ordinal);
        Assert.Contains("| 1 | 1% | 24h | 5% |", ios, StringComparison.Ordinal);
        Assert.Contains("| 4 | 100% | 24h | 3% | spread over 1d |", ios, StringComparison.Ordinal);
        Assert.Contains("| 1 | 0.5% | 12h | 4% | all at once |", ipad, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_wave_shows_when_it_ran_how_long_it_took_and_its_counts()
    {
        var ios = Section("iOS 26.3.1 (a)");
        Assert.Contains("| 1 | T+0h | T+24h | 24h | 6 | 5 | 5 | 0 | 0 | 1 | 0 | 0 |", ios, StringComparison.Ordinal);
        Assert.Contains("| 2 | T+24h | T+72h | 48h | 66 | 61 | 61 | 0 | 1 | 4 | 0 | 0 |", ios, StringComparison.Ordinal);
        Assert.Contains("| 3 | T+72h | halted T+72h | 0h | 294 | 216 | 216 | 18 | 9 | 22 | 0 | 29 |", ios, StringComparison.Ordinal);
        Assert.Contains("| 4 | T+120h | T+120h | 0h | 134 | 105 | 105 | 0 | 11 | 2 | 0 | 16 |", Section("iPadOS 26.3.1 (a)"), StringComparison.Ordinal);
        // Cut short by the recall: neither completed nor halted.
        Assert.Contains("| 2 | T+24h | - | - | 44 | 32 | 32 | 0 | 1 | 1 | 0 | 10 |", Section("macOS 26.3.2 (a)"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_halt_names_its_wave_failures_attempts_rate_threshold_and_time()
    {
        Assert.Contains(
            "**Halted** at T+72h in wave 3: 18 of 234 install attempts failed (7.7%), above the threshold of 3%. "
            + "294 devices of the wave had been offered it; 411 never were.",
            Section("iOS 26.3.1 (a)"), StringComparison.Ordinal);
        Assert.Equal(2, Markdown.Split("**Halted**").Length); // once: no other release halted
    }

    [Fact]
    public void A_release_s_blast_radius_is_its_installs_against_its_plan_s_reach()
    {
        Assert.Contains("**Blast radius**: 282 devices installed it, of the 700 its plan could reach (40.3%).", Section("iOS 26.3.1 (a)"), StringComparison.Ordinal);
        Assert.DoesNotContain("**Blast radius**", Section("iPadOS 26.3.1 (a)"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_recall_names_its_exposure_withdrawals_pending_and_how_long_it_took_in_wall_and_domain_time()
    {
        var macos = Section("macOS 26.3.2 (a)");
        Assert.Contains("**Recalled** at T+60h: Safari fails to load some sign-in pages", macos, StringComparison.Ordinal);
        Assert.Contains("| Exposed (held it when recalled) | 52 |", macos, StringComparison.Ordinal);
        Assert.Contains("| Withdrawn | 49 |", macos, StringComparison.Ordinal);
        Assert.Contains("| Settled otherwise (OS update, removal) | 3 |", macos, StringComparison.Ordinal);
        Assert.Contains("| Pending | 0 |", macos, StringComparison.Ordinal);
        Assert.Contains("| Reachable devices withdrawn after (wall) | 0.27 s |", macos, StringComparison.Ordinal);
        Assert.Contains("| Offline when recalled (waited for their check-in) | 12 |", macos, StringComparison.Ordinal);
        Assert.Contains("| Completed | T+65h, 5h (domain) after the recall |", macos, StringComparison.Ordinal);
        Assert.Contains("](recall.png)", macos, StringComparison.Ordinal);
        Assert.DoesNotContain("Recalled", Section("iOS 26.3.1 (a)"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_recall_says_it_has_not_completed()
    {
        var report = SampleReport.Create();
        var open = report with
        {
            Releases = [.. report.Releases.Select(r => r.Recall is { } recall ? r with { Recall = recall with { CompletedAt = null, Pending = 3 } } : r)],
        };

        var markdown = ReportMarkdown.Render(Scenario(), open);

        Assert.Contains("| Pending | 3 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Completed | not yet |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_recall_there_is_no_recall_section_or_chart()
    {
        var report = SampleReport.Create();
        var none = report with { Releases = [.. report.Releases.Select(r => r with { Recall = null })], RecallTiming = null };

        var markdown = ReportMarkdown.Render(Scenario(), none);

        Assert.DoesNotContain("Recalled", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("recall.png", markdown, StringComparison.Ordinal);
    }

    /// <summary>The built-in plans, but iPadOS gets one of its own so that each section must show its release's plan.</summary>
    private static Scenario Scenario()
    {
        var builtIn = BuiltInScenario.Create(devices: 2_000);
        var ipad = new RolloutPlan([new WavePlan(0.005, TimeSpan.FromHours(12), 0.04), new WavePlan(1, TimeSpan.Zero, 0.025)], 7);
        return builtIn with
        {
            Releases = [.. builtIn.Releases.Select(r => r.Id.ToString() == "iPadOS 26.3.1 (a)" ? r with { Plan = ipad } : r)],
        };
    }

    /// <summary>One release's part of the report: from its heading to the next.</summary>
    private static string Section(string release)
    {
        var start = Markdown.IndexOf($"## {release}:", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section for {release}");
        var next = Markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return next < 0 ? Markdown[start..] : Markdown[start..next];
    }
}
