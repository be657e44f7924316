namespace BsiLedger.Cli.Tests.Chaos;

/// <summary>Bad options to <c>bsi chaos</c> are exit 2 naming the option, before any database or silo is started.</summary>
public sealed class ChaosInputTests
{
    [Theory]
    [InlineData("--silos", "0", "at least 1")]
    [InlineData("--devices", "many", "not a whole number")]
    [InlineData("--kill-every", "0s", "longer than zero")]
    [InlineData("--duration", "3 minutes", "not a duration")]
    [InlineData("--seed", "1.5", "not a whole number")]
    public async Task A_bad_option_is_exit_2_naming_it_and_starts_nothing(string option, string value, string problem)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bsi-chaos-input-" + Guid.NewGuid().ToString("N")[..12]);

        var run = await Bsi.RunAsync(["chaos", option, value, "--out", directory]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"error: {option}: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(problem, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(directory, "ledger")), "no embedded server was started");
    }
}
