using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Output;
using BsiLedger.Domain.Releases;
using BsiLedger.Operations;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Chaos;

/// <summary>
/// <c>bsi chaos</c>: N <c>bsi serve</c> silos on one database, a rollout and a mid-wave recall driven through their API by
/// simulated devices while a silo is SIGKILLed every interval, then the database judged (docs/cluster.md). Exit 0 only
/// when nothing was lost or doubled and every invariant held; 1 otherwise, as <c>bsi audit verify</c> answers an altered ledger.
/// </summary>
public static class ChaosCommandLine
{
    public static Command Build(CommandRunner runner)
    {
        var silos = new Option<string?>("--silos") { Description = "How many bsi serve silos to run (default 3)" };
        var devices = new Option<string?>("--devices") { Description = "Fleet size (default 20000)" };
        var killEvery = new Option<string?>("--kill-every") { Description = "How often a random silo is killed with SIGKILL and restarted, e.g. 15s (the default)" };
        var duration = new Option<string?>("--duration") { Description = "How long the rollout runs under kills, after enrolment, e.g. 3m (the default)" };
        var seed = new Option<string?>("--seed") { Description = "Seed for which silo dies, the devices' order and which installs fail (default 42)" };
        var output = new Option<string>("--out") { Description = "Directory for chaos.json, each silo's log and (by default) the run's ledger", DefaultValueFactory = _ => "./chaos" };
        var command = new Command("chaos",
            "Run silos as separate bsi serve processes on one PostgreSQL, drive a staged rollout and a mid-wave recall through them "
            + "while killing one every interval, then check from the database that nothing was lost or doubled and every invariant held. "
            + "Without a connection the ledger is an embedded PostgreSQL in OUT/ledger.")
        {
            silos, devices, killEvery, duration, seed, output,
        };

        runner.RegisterStandalone(command, parse =>
        {
            var (siloCount, deviceCount, every, length, seedValue) = (
                Whole("--silos", parse.GetValue(silos), 3, minimum: 1),
                Whole("--devices", parse.GetValue(devices), 20_000, minimum: 1),
                Duration("--kill-every", parse.GetValue(killEvery), TimeSpan.FromSeconds(15)),
                Duration("--duration", parse.GetValue(duration), TimeSpan.FromMinutes(3)),
                Whole("--seed", parse.GetValue(seed), 42, minimum: int.MinValue));
            var directory = OutputDirectory(parse.GetValue(output) ?? "./chaos");
            var settings = new ChaosSettings(siloCount, deviceCount, every, length, seedValue, directory);
            var dataDirectoryGiven = parse.GetResult(GlobalOptions.DataDirectory) is { Implicit: false };
            return (ledger, writer, ct) => RunAsync(
                settings,
                ledger with { DataDirectory = dataDirectoryGiven ? ledger.DataDirectory : Path.Combine(directory, "ledger") },
                writer,
                ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ChaosSettings settings, LedgerSettings ledger, ResultWriter output, CancellationToken ct)
    {
        await using var database = await LedgerDatabase.OpenAsync(ledger, ct);
        var result = await new ChaosRun(settings, database.ConnectionString, new ChaosLog(Console.Error)).RunAsync(ct);
        var file = Path.Combine(settings.Out, ChaosResult.FileName);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, LedgerJson.Options), ct);
        // Plain lines: a console renderer would wrap them at 80 columns in a log.
        output.Write(result, _ => result.Describe(output.Stdout, file));
        return result.Passed ? ExitCodes.Done : ExitCodes.Refused;
    }

    private static int Whole(string option, string? text, int fallback, int minimum) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value
        : throw new UsageException($"{option}: '{text}' is not a whole number{(minimum > int.MinValue ? $" of at least {minimum}" : "")}");

    private static TimeSpan Duration(string option, string? text, TimeSpan fallback) =>
        text is null ? fallback
        : Durations.TryParse(text, out var value, out var error) && value > TimeSpan.Zero ? value
        : throw new UsageException($"{option}: {error ?? $"'{text}' must be longer than zero"}");

    /// <summary>Creates the directory and proves it writable before anything starts.</summary>
    private static string OutputDirectory(string path)
    {
        if (File.Exists(path))
        {
            throw new UsageException($"--out: '{path}' is a file: give a directory for chaos.json and the silos' logs");
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
