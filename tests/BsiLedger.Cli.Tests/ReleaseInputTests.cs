using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary>Malformed publications, plans and ids are refused at the edge: exit 2, the field or wave named, nothing touched.</summary>
public sealed class ReleaseInputTests(PostgresFixture postgres) : CliTest(postgres)
{
    [Theory]
    [InlineData("--components", "publish", "{R}")]
    [InlineData("components:", "publish", "{R}", "--components", "Safari,,WebKit")]
    [InlineData("cve: 'CVE-26-1'", "publish", "{R}", "--components", "WebKit", "--cve", "CVE-26-1")]
    [InlineData("supersedes:", "publish", "{R}", "--components", "WebKit", "--supersedes", "{LATER}")]
    [InlineData("--supersedes:", "publish", "{R}", "--components", "WebKit", "--supersedes", "iOS 26.3.1")]
    [InlineData("--activation:", "publish", "{R}", "--components", "WebKit", "--activation", "reboot")]
    [InlineData("--wave", "plan", "{R}")]
    [InlineData("wave 1: '1%:24h' is not SHARE:SOAK:THRESHOLD", "plan", "{R}", "--wave", "1%:24h")]
    [InlineData("wave 2: share '10' is not a percentage", "plan", "{R}", "--wave", "1%:24h:5%", "--wave", "10:48h:2%")]
    [InlineData("wave 2: failure threshold '2' is not a percentage", "plan", "{R}", "--wave", "1%:24h:5%", "--wave", "10%:48h:2")]
    [InlineData("wave 1: soak '1y' is not a duration", "plan", "{R}", "--wave", "1%:1y:5%")]
    [InlineData("wave 2: share 5% does not increase", "plan", "{R}", "--wave", "10%:24h:5%", "--wave", "5%:24h:5%")]
    [InlineData("wave 1: share 150%", "plan", "{R}", "--wave", "150%:0h:5%")]
    [InlineData("--min-sample", "plan", "{R}", "--wave", "1%:0h:5%", "--min-sample", "0")]
    [InlineData("wave 1: pacing.ratePerHour: 0 is not above 0", "plan", "{R}", "--wave", "10%:48h:3%:rate=0/h")]
    [InlineData("wave 1: pacing.ratePerHour: -5 is not above 0", "plan", "{R}", "--wave", "10%:48h:3%:rate=-5/h")]
    [InlineData("wave 2: pacing.rampFactor: 1 does not raise the rate", "plan", "{R}", "--wave", "1%:24h:5%", "--wave", "10%:48h:3%:rate=200/h,ramp=x1/100ok")]
    [InlineData("wave 1: pacing.maxPerHour: 100 is under the starting rate of 200", "plan", "{R}", "--wave", "10%:48h:3%:rate=200/h,max=100/h")]
    [InlineData("wave 1: pacing.spreadOver: 3d is longer than the wave's soak of 2d", "plan", "{R}", "--wave", "10%:48h:3%:spread=72h")]
    [InlineData("wave 1: pacing 'speed' is not known", "plan", "{R}", "--wave", "10%:48h:3%:speed=200/h")]
    [InlineData("wave 1: pacing rate '200' is not a number of offers per hour", "plan", "{R}", "--wave", "10%:48h:3%:rate=200")]
    [InlineData("wave 1: pacing ramp 'x2/100' is not", "plan", "{R}", "--wave", "10%:48h:3%:rate=200/h,ramp=x2/100")]
    [InlineData("--reason", "recall", "{R}", "--reason", "")]
    [InlineData("iOS 26.3.1 (a)", "status", "iOS 26.3.1")]
    public async Task Bad_input_is_exit_2_naming_the_field_or_wave_and_appends_nothing(string expected, params string[] args)
    {
        var os = UniqueIds.BaseVersion();
        var release = $"iOS {os} (b)";
        args = [.. args.Select(a => a.Replace("{R}", release, StringComparison.Ordinal).Replace("{LATER}", $"iOS {os} (c)", StringComparison.Ordinal))];

        var run = await Bsi(2, ["release", .. args]);

        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Equal(0, await RowsAsync(release));
    }
}
