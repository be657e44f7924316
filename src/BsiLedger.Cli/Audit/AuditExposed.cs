using System.CommandLine;
using System.Globalization;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Output;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.EventStore.ReadModels;
using BsiLedger.Operations.Audit;
using BsiLedger.Operations.Input;
using Spectre.Console;

namespace BsiLedger.Cli.Audit;

/// <summary><c>bsi audit exposed RELEASE</c>: the release's <see cref="Exposure"/>, for a person, as JSON or as CSV.</summary>
public static class AuditExposed
{
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
                if (await Exposure.ListAsync(ledger.Store, id, ct) is not { } exposure)
                {
                    return await CommandOutcomes.RefuseAsync(output, "release", id.ToString(), new ReleaseNotPublished(id));
                }

                if (asCsv)
                {
                    await ExposureCsv.WriteAsync(output.Stdout, exposure.Windows);
                    await Console.Error.WriteLineAsync(exposure.Totals.Summary(id.ToString()));
                    return ExitCodes.Done;
                }

                output.Write(exposure.Document(), console => Render(console, output.Stdout, id.ToString(), exposure.Windows, exposure.Totals));
                return ExitCodes.Done;
            };
        }, withSilo: false);
        return command;
    }

    /// <remarks>
    /// Plain aligned lines, not a Spectre table: a recall's list runs to tens of thousands of devices, and a table
    /// that measures every cell first took 9 s to print 27,101 of them.
    /// </remarks>
    private static void Render(IAnsiConsole console, TextWriter stdout, string release, IReadOnlyList<ExposureWindow> windows, ExposureTotals totals)
    {
        var width = windows.Select(w => w.DeviceId.Length).DefaultIfEmpty(0).Max();
        width = Math.Max(width, "device".Length);
        stdout.WriteLine($"{"device".PadRight(width)}  {"from (domain)",-20}  {"to (domain)",-20}  {"duration",-12}  ended by");
        foreach (var w in windows)
        {
            var to = w.To?.ToString("u", CultureInfo.InvariantCulture) ?? "still exposed";
            var duration = w.To is { } end ? Duration(end - w.From) : "";
            stdout.WriteLine($"{w.DeviceId.PadRight(width)}  {w.From.ToString("u", CultureInfo.InvariantCulture),-20}  {to,-20}  {duration,-12}  {Describe(w)}");
        }

        stdout.Flush();
        console.WriteLine(totals.Summary(release));
    }

    /// <summary>For a person: days, hours and minutes.</summary>
    private static string Duration(TimeSpan duration) => duration.Days > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{duration.Days}d {duration.Hours:00}h {duration.Minutes:00}m")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.Hours}h {duration.Minutes:00}m {duration.Seconds:00}s");

    private static string Describe(ExposureWindow window) => window.Ending switch
    {
        ExposureEnding.Withdrawn => $"withdrawn by recall {window.RecallId}",
        ExposureEnding.Removed => "removed by the user",
        ExposureEnding.OsUpdated => "OS updated",
        ExposureEnding.Superseded => "superseded by a newer letter",
        _ => "",
    };
}
