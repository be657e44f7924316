using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Output;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Host;
using BsiLedger.Operations;
using BsiLedger.Operations.Input;
using BsiLedger.Simulation.Reports;
using BsiLedger.Simulation.Runs;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.WhatIf;
using Spectre.Console;

namespace BsiLedger.Cli.Simulation;

/// <summary>
/// <c>bsi simulate</c>: runs a scenario (a file, or the built-in one) through the real silo and ledger on a virtual
/// clock and writes <c>report.json</c>, <c>report.md</c> and its charts into <c>--out</c>. Without a connection the
/// ledger is an embedded PostgreSQL in <c>OUT/ledger</c> (or <c>--data-dir</c>), kept so auditors can query the run afterwards.
/// </summary>
public static class SimulateCommandLine
{
    private const int MaxSilos = 8;

    public static Command Build(CommandRunner runner)
    {
        var scenario = new Option<string?>("--scenario") { Description = "A scenario file (JSON, see docs/scenarios.md); the built-in scenario when absent" };
        var devices = new Option<string?>("--devices") { Description = "Fleet size, overriding the scenario's (built-in default: 10000)" };
        var seed = new Option<string?>("--seed") { Description = "Seed for every draw, overriding the scenario's (built-in default: 42)" };
        var silos = new Option<string?>("--silos") { Description = $"Silos in one cluster in this process, each with the connection budget a bsi serve would have (default 1; at most {MaxSilos}); see docs/cluster.md" };
        var whatIf = new Option<string?>("--whatif") { Description = "A JSON list of alternative plans per release (docs/whatif.md), replayed beside the run in its report" };
        var output = new Option<string>("--out") { Description = "Directory for report.json, report.md, adoption.png and recall.png (and, by default, the run's ledger)", DefaultValueFactory = _ => "./report" };
        var command = new Command("simulate",
            "Simulate a fleet under staged rollouts, failures, offline devices and a recall; write a report. "
            + "Here the embedded ledger defaults to OUT/ledger (not --data-dir's default) and --telemetry to none.")
        {
            scenario, devices, seed, silos, whatIf, output,
        };

        runner.RegisterStandalone(command, parse =>
        {
            var chosen = ReadScenario(parse.GetValue(scenario), Number("--devices", parse.GetValue(devices)), Number("--seed", parse.GetValue(seed)));
            var alternatives = parse.GetValue(whatIf) is { } file ? ReadAlternatives(file, chosen) : [];
            var siloCount = SiloCount(Number("--silos", parse.GetValue(silos)));
            var directory = OutputDirectory(parse.GetValue(output) ?? "./report");
            var dataDirectoryGiven = parse.GetResult(GlobalOptions.DataDirectory) is { Implicit: false };
            // Millions of device spans on the console would drown the progress and slow the run: simulate's
            // own default is none, and --telemetry console|otlp asks for them.
            var telemetryGiven = parse.GetResult(GlobalOptions.Telemetry) is { Implicit: false };
            return (settings, writer, ct) => RunAsync(
                chosen,
                alternatives,
                siloCount,
                directory,
                dataDirectoryGiven ? settings.DataDirectory : Path.Combine(directory, "ledger"),
                telemetryGiven ? settings : settings with { Telemetry = TelemetryMode.None },
                writer,
                ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(Scenario scenario, IReadOnlyList<WhatIfAlternative> alternatives, int silos, string directory, string dataDirectory, LedgerSettings settings, ResultWriter output, CancellationToken ct)
    {
        await using var database = await LedgerDatabase.OpenAsync(settings with { DataDirectory = dataDirectory }, ct);
        var connection = database.ConnectionString;
        await database.EnsureBudgetFitsAsync(ct, alongside: (silos - 1) * ConnectionBudget.Of(connection));
        var options = new SimulationOptions(connection)
        {
            Telemetry = settings.Telemetry,
            Progress = StandardErrorProgress.Create(),
            OutageTolerance = settings.Journal.OutageTolerance,
            Silos = silos,
        };
        SimulationReport report;
        try
        {
            report = await new SimulationRun(scenario, options).RunAsync(ct);
        }
        catch (LedgerNotEmptyException e)
        {
            throw new UsageException(e.Message);
        }

        if (alternatives.Count > 0)
        {
            report = report with { WhatIf = await WhatIfAlternatives.RunAsync(connection, alternatives, ct) };
        }

        var json = Path.Combine(directory, ReportFiles.Json);
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, LedgerJson.Options), ct);
        // The embedded server still runs: the charts' curves are read from the ledger it holds.
        var written = await ReportWriter.WriteAsync(scenario, report, connection, directory, ct);
        output.Write(report, console => Describe(console, report, [json, .. written]));
        return ExitCodes.Done;
    }

    private static void Describe(IAnsiConsole console, SimulationReport report, IReadOnlyList<string> files)
    {
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Devices:N0} devices, {report.EventsAppended:N0} events in {report.WallSeconds:0.0} s ({report.EventsPerSecond:N0} events/s); domain time T+0h = {report.DomainStart:u}, ended T+{(report.DomainEnd - report.DomainStart).TotalHours:0}h"));
        foreach (var release in report.Releases)
        {
            console.WriteLine($"{release.Release}: {release.Phase}");
            console.WriteLine(Row("wave", "share", "start", "end", "targeted", "installed", "applied", "failed", "skipped: auto-off/mdm/ineligible/offline"));
            foreach (var w in release.Waves)
            {
                console.WriteLine(Row(
                    Cell(w.Index + 1), RolloutShare(w.Share), Since(report, w.StartedAt),
                    w.CompletedAt is { } completed ? Since(report, completed) : w.Halted ? "halted" : "-",
                    Cell(w.Targeted), Cell(w.Installed), Cell(w.Applied), Cell(w.Failed),
                    $"{Cell(w.Skipped.AutoInstallOff)}/{Cell(w.Skipped.MdmForbids)}/{Cell(w.Skipped.Ineligible)}/{Cell(w.Skipped.Offline)}"));
            }

            if (release.Halted is { } h)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  halted at {Since(report, h.At)} in wave {h.Wave + 1}: {h.Failures}/{h.Attempts} failed ({h.FailureRate:P1}) over a threshold of {h.Threshold:P1}"));
            }

            if (release.Recall is { } r)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  recalled at {Since(report, r.IssuedAt)}: {r.Exposed} exposed, {r.Withdrawn} withdrawn, {r.Settled} settled otherwise, {r.Pending} pending; complete {(r.CompletedAt is { } done ? Since(report, done) : "not yet")}"));
            }
        }

        if (report.RecallTiming is { } timing)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"recall of {timing.Release}: reachable devices withdrawn {timing.OnlineWithdrawnSeconds:0.00} s (wall) after RecallIssued was stored; {timing.PendingOffline} waited for their check-in"));
        }

        foreach (var alternative in report.WhatIf ?? [])
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"what if {alternative.Release} had '{alternative.Name}': {(alternative.Replay.Halted is { } h ? $"halted in wave {h.Wave + 1}" : "no halt")}, {alternative.Replay.Installed:N0} installed (actually {alternative.Actual.Installed:N0}), {alternative.Replay.Failed:N0} failed (actually {alternative.Actual.Failed:N0})"));
        }

        foreach (var file in files)
        {
            console.WriteLine($"report: {file}");
        }
    }

    /// <summary>Domain time as hours since the rollout began: what a soak plan is written in.</summary>
    private static string Since(SimulationReport report, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"T+{(at - report.DomainStart).TotalHours:0.#}h");

    private static string Row(params string[] cells) =>
        string.Create(CultureInfo.InvariantCulture, $"  {cells[0],-5}{cells[1],-7}{cells[2],-8}{cells[3],-8}{cells[4],9}{cells[5],10}{cells[6],8}{cells[7],7}  {cells[8]}");

    private static string Cell(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string RolloutShare(double share) => Domain.Releases.RolloutPlan.Percent(share);

    private static Scenario ReadScenario(string? file, int? devices, int? seed)
    {
        try
        {
            if (file is null)
            {
                if (devices is { } n && FleetSpec.DevicesProblem(n) is { } problem)
                {
                    throw new UsageException($"--devices: {problem}");
                }

                return BuiltInScenario.Create(devices ?? 10_000, seed ?? 42);
            }

            if (!File.Exists(file))
            {
                throw new UsageException($"--scenario: '{file}' does not exist: give the path of a scenario file (JSON, see docs/scenarios.md)");
            }

            return ScenarioFile.Parse(File.ReadAllText(file)).WithOverrides(devices, seed);
        }
        catch (ScenarioException e)
        {
            throw new UsageException(file is null ? e.Message : $"scenario {file}: {e.Message}");
        }
    }

    private static IReadOnlyList<WhatIfAlternative> ReadAlternatives(string file, Scenario scenario)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"--whatif: '{file}' does not exist: give the path of a JSON list of alternative plans (see docs/whatif.md)");
        }

        try
        {
            return AlternativesFile.Parse(File.ReadAllText(file), scenario);
        }
        catch (ScenarioException e)
        {
            throw new UsageException($"--whatif {file}: {e.Message}");
        }
    }

    private static int SiloCount(int? silos) => silos switch
    {
        null => 1,
        >= 1 and <= MaxSilos => silos.Value,
        _ => throw new UsageException($"--silos: {silos} is not a silo count: give 1 to {MaxSilos}"),
    };

    private static int? Number(string option, string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"{option}: '{text}' is not a whole number");

    /// <summary>Creates the directory and proves it writable before anything runs, so a bad --out appends nothing.</summary>
    private static string OutputDirectory(string path)
    {
        if (File.Exists(path))
        {
            throw new UsageException($"--out: '{path}' is a file: give a directory for the report");
        }

        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot write to '{path}' ({e.Message}): give a writable directory");
        }
    }
}
