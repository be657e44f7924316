using BsiLedger.Cli.Watching;

namespace BsiLedger.Cli.Tests;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Samples_are_read_with_their_labels_unescaped_and_comments_skipped()
    {
        const string text = """
            # HELP bsi_device_installs_total Installs
            # TYPE bsi_device_installs_total counter
            bsi_device_installs_total{otel_scope_name="BsiLedger",bsi_release="iOS 26.3.1 (a)"} 3
            bsi_device_installs_total{bsi_release="say \"hi\", \\ then\nbye"} 1.5e3 1700000000000
            process_uptime_seconds 12.25
            """;

        var samples = PrometheusText.Parse(text);

        Assert.Equal(3, samples.Count);
        Assert.Equal(("bsi_device_installs_total", "iOS 26.3.1 (a)", 3.0), (samples[0].Name, samples[0].Labels["bsi_release"], samples[0].Value));
        Assert.Equal("BsiLedger", samples[0].Labels["otel_scope_name"]);
        Assert.Equal(("say \"hi\", \\ then\nbye", 1500.0), (samples[1].Labels["bsi_release"], samples[1].Value));
        Assert.Equal(("process_uptime_seconds", 12.25), (samples[2].Name, samples[2].Value));
        Assert.Empty(samples[2].Labels);
    }

    [Fact]
    public void A_line_whose_labels_cannot_be_read_is_skipped_and_the_rest_still_read()
    {
        var samples = PrometheusText.Parse("""
            broken{bsi_release} 1
            also_broken{bsi_release="unterminated 2
            fine{bsi_release="A"} 3
            """);

        var sample = Assert.Single(samples);
        Assert.Equal(("fine", 3.0), (sample.Name, sample.Value));
    }

    [Fact]
    public void Rates_are_the_counters_growth_per_second_for_the_watched_release_only()
    {
        var before = PrometheusText.Parse("""
            bsi_device_installs_total{bsi_release="A"} 10
            bsi_device_installs_total{bsi_release="B"} 100
            bsi_rollout_offers_total{bsi_offer_outcome="awaiting",bsi_release="A"} 4
            bsi_rollout_offers_total{bsi_offer_outcome="skipped",bsi_release="A"} 1
            """);
        var after = PrometheusText.Parse("""
            bsi_device_installs_total{bsi_release="A"} 16
            bsi_device_installs_total{bsi_release="B"} 500
            bsi_rollout_offers_total{bsi_offer_outcome="awaiting",bsi_release="A"} 8
            bsi_rollout_offers_total{bsi_offer_outcome="skipped",bsi_release="A"} 3
            """);

        var rates = MeterCounts.Of(after, "A").Since(MeterCounts.Of(before, "A"), TimeSpan.FromSeconds(2));

        Assert.Equal(new WatchRates(3, 3, 0, 0), rates);
    }
}
