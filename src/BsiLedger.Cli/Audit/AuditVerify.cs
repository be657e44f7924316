using System.CommandLine;
using System.Diagnostics;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Simulation;
using BsiLedger.EventStore.Integrity;
using BsiLedger.Operations.Audit;
using BsiLedger.Operations.Input;
using BsiLedger.Simulation.Runs;
using Spectre.Console;

namespace BsiLedger.Cli.Audit;

/// <summary>
/// <c>bsi audit verify [--digest FILE]</c>: recomputes every stream's chain; exit 0 when intact, 1 naming each altered
/// stream and version. With a digest, also proves the ledger up to it is unchanged (appends since are fine).
/// </summary>
public static class AuditVerify
{
    public static Command Build(CommandRunner runner)
    {
        var digestFile = new Option<string?>("--digest") { Description = "A digest from `bsi audit digest`: also prove the ledger as of it is an unchanged prefix of today's" };
        var command = new Command("verify", "Recompute every stream's hash chain; exit 0 when intact, 1 naming each altered stream and version") { digestFile };
        runner.Register(command, parse =>
        {
            var digest = parse.GetValue(digestFile) is { } path ? ReadDigest(path) : null;
            return async (ledger, output, ct) =>
            {
                var total = await new LedgerStatistics(ledger.ConnectionString).EventsAsync(ct);
                var progress = StandardErrorProgress.Create();
                var clock = Stopwatch.StartNew();
                var report = await new LedgerVerifier(ledger.ConnectionString).VerifyAsync(digest, done => progress.Update(
                    new ProgressUpdate("verifying", done, total, "events", clock.Elapsed, done, done / Math.Max(clock.Elapsed.TotalSeconds, 0.001))), ct);
                progress.Milestone($"checked {report.Events:N0} events in {clock.Elapsed.TotalSeconds:N1} s ({report.Events / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} events/s)");
                output.Write(VerificationDocument.Of(report), console => Render(report, console));
                return report.Intact ? ExitCodes.Done : ExitCodes.Refused;
            };
        }, withSilo: false);
        return command;
    }

    private static LedgerDigest ReadDigest(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--digest '{path}' does not exist; give a file written by `bsi audit digest --out FILE`");
        }

        try
        {
            return LedgerDigest.Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new UsageException($"--digest '{path}' is {e.Message}");
        }
    }

    private static void Render(VerificationReport report, IAnsiConsole console)
    {
        var writer = console.Profile.Out.Writer;
        foreach (var finding in report.Findings)
        {
            writer.WriteLine($"altered: {finding}");
        }

        if (report.FindingsTotal > report.Findings.Count)
        {
            writer.WriteLine($"… and {report.FindingsTotal - report.Findings.Count:N0} more");
        }

        if (report.Digest is { } digest)
        {
            writer.WriteLine(digest.Matches
                ? $"digest: the chain hashes up to sequence {digest.Digest.LastSequence} ({digest.Digest.Events:N0} events, taken {digest.Digest.TakenAt:u}) are as they were"
                : $"digest: the chain hashes up to sequence {digest.Digest.LastSequence} have changed since the digest was taken ({digest.Digest.TakenAt:u}): "
                  + $"{digest.Digest.Events:N0} events then, {digest.EventsNow:N0} now; root {digest.Digest.Root} then, {digest.RootNow} now");
        }

        writer.WriteLine(report.Intact
            ? $"intact: {report.Events:N0} events in {report.Streams:N0} streams verified"
            : $"ALTERED: {report.FindingsTotal:N0} finding(s) in {report.Events:N0} events of {report.Streams:N0} streams");
    }
}
