using BsiLedger.Cli.Simulation;
using BsiLedger.Simulation.Runs;

namespace BsiLedger.Cli.Tests;

public sealed class ProgressOutputTests
{
    [Fact]
    public void An_update_shows_the_rate_the_eta_and_the_events_per_second()
    {
        var update = new ProgressUpdate("enrolling", 250, 1000, "devices", TimeSpan.FromSeconds(10), 12_345, 1_500);

        Assert.Equal("enrolling 250/1,000 devices (25/s, ETA 00:30) · 12,345 events (1,500/s)", update.ToString());
    }

    [Fact]
    public void Plain_lines_print_each_stage_at_its_start_and_end_and_otherwise_at_most_once_per_interval()
    {
        var log = new StringWriter();
        var progress = new PlainProgress(log, TimeSpan.FromSeconds(10));

        progress.Update(At("enrolling", 100, 1));
        progress.Update(At("enrolling", 200, 2));
        progress.Milestone("iOS 26.3.1 (a): rollout started");
        progress.Update(At("enrolling", 900, 11));
        progress.Update(At("enrolling", 1000, 12));
        progress.Update(At("rollout", 1, 13));

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["enrolling 100/1,000", "iOS 26.3.1", "enrolling 900/1,000", "enrolling 1,000/1,000", "rollout 1/1,000"],
            lines.Select(line => string.Join(' ', line.Split(' ').Take(2))));
        Assert.DoesNotContain('\r', log.ToString());
    }

    [Fact]
    public void A_wait_for_the_database_prints_at_once_and_says_how_long()
    {
        var log = new StringWriter();
        var progress = new PlainProgress(log, TimeSpan.FromSeconds(10));

        progress.Update(At("rollout", 10, 1));
        progress.Update(At("rollout", 11, 2) with { WaitingForDatabase = TimeSpan.FromSeconds(1.2) });
        progress.Update(At("rollout", 11, 3) with { WaitingForDatabase = TimeSpan.FromSeconds(2.2) });
        progress.Update(At("rollout", 12, 4));

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("· waiting for the database (1 s)", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_terminal_redraws_one_status_line_and_prints_milestones_above_it()
    {
        var terminal = new StringWriter();
        var progress = new RedrawnProgress(terminal);

        progress.Update(At("enrolling", 100, 1));
        progress.Milestone("wave 2 started");

        Assert.Equal(
            "\r\u001b[2Kenrolling 100/1,000 devices (100/s, ETA 00:09) · 0 events (0/s)"
            + "\r\u001b[2Kwave 2 started\nenrolling 100/1,000 devices (100/s, ETA 00:09) · 0 events (0/s)",
            terminal.ToString());
    }

    private static ProgressUpdate At(string stage, long done, int second) =>
        new(stage, done, 1000, "devices", TimeSpan.FromSeconds(second), 0, 0);
}
