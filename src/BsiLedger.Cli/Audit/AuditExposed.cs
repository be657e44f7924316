using System.CommandLine;
using System.Globalization;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Input;
using BsiLedger.Cli.Output;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.ReadModels;
using Spectre.Console;

namespace BsiLedger.Cli.Audit;

/// <summary>
/// <c>bsi audit exposed RELEASE</c>: every device that ran the release, from when to when (domain time), and what
/// ended it. Read from the exposure-window projection, caught up first when no daemon has run since the last append.
/// </summary>
public static class AuditExposed
{
    /// <summary>How long the catch-up may take: a ledger whose daemon fell far behind is caught up once, here.</summary>
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(10);

    public static Command Build(CommandRunner runner)
    {
        var release = new Argument<string>("RELEASE") { Description = "The release id, e.g. \"iOS 26.3.1 (a)\"" };
        var csv = new Option<bool>("--csv") { Description = "Write the windows as CSV on stdout (the totals go to stderr)" };
        var command = new Command("exposed", "Every device that ran a release: from, to (or still exposed), how long, and what ended it; totals at the end")
        {
            release, csv,
        };
        runner.Register(command, parse =>
        {
            var id = InputParsers.Release(parse.GetValue(release));
            var asCsv = parse.GetValue(csv);
            if (asCsv && parse.GetValue(GlobalOptions.Json))
            {
                throw new UsageException("--csv and --json are alternatives: give one of them");
            }

            return async (ledger, output, ct) =>
            {
                await using (var session = ledger.Store.QuerySession())
                {
                    if (await session.LoadAsync<ReleaseListing>(id.ToString(), ct) is null)
                    {
                        return await CommandOutcomes.RefuseAsync(output, "release", id.ToString(), new ReleaseNotPublished(id));
                    }
                }

                await ReadModelProgress.CatchUpAsync(ledger.Store, CatchUpLimit, ct);
                var windows = await ExposureWindows.ForReleaseAsync(ledger.Store, id, ct);
                var totals = ExposureTotals.Of(windows);
                if (asCsv)
                {
                    await ExposureCsv.WriteAsync(output.Stdout, windows);
                    await Console.Error.WriteLineAsync(totals.Summary(id.ToString()));
                    return ExitCodes.Done;
                }

                output.Write(new
                {
                    release = id.ToString(),
                    windows = windows.Select(w => new
                    {
                        device = w.DeviceId,
                        from = w.From,
                        to = w.To,
                        stillExposed = w.StillExposed,
                        durationSeconds = w.To is { } to ? (to - w.From).TotalSeconds : (double?)null,
                        ending = w.Ending,
                        recallId = w.RecallId,
                        correlationId = w.CorrelationId,
                    }),
                    totals,
                }, console => Render(console, id.ToString(), windows, totals));
                return ExitCodes.Done;
            };
        }, withSilo: false);
        return command;
    }

    private static void Render(IAnsiConsole console, string release, IReadOnlyList<ExposureWindow> windows, ExposureTotals totals)
    {
        var table = new Table().AddColumns("device", "from (domain)", "to (domain)", "duration", "ended by");
        foreach (var w in windows)
        {
            table.AddRow(
                Markup.Escape(w.DeviceId),
                w.From.ToString("u", CultureInfo.InvariantCulture),
                w.To?.ToString("u", CultureInfo.InvariantCulture) ?? "still exposed",
                w.To is { } to ? ExposureCsv.Duration(to - w.From) : "",
                Markup.Escape(Describe(w)));
        }

        console.Write(table);
        console.WriteLine(totals.Summary(release));
    }

    private static string Describe(ExposureWindow window) => window.Ending switch
    {
        ExposureEnding.Withdrawn => $"withdrawn by recall {window.RecallId}",
        ExposureEnding.Removed => "removed by the user",
        ExposureEnding.OsUpdated => "OS updated",
        ExposureEnding.Superseded => "superseded by a newer letter",
        _ => "",
    };
}
