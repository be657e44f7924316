using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.EventStore.Integrity;

namespace BsiLedger.Cli.Audit;

/// <summary><c>bsi audit digest [--out FILE]</c>: a digest of the ledger as it stands, to keep outside the system.</summary>
public static class AuditDigest
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    public static Command Build(CommandRunner runner)
    {
        var output = new Option<string?>("--out") { Description = "Write the digest to this file (otherwise it is printed)" };
        var command = new Command("digest", "A digest of the whole ledger (a Merkle root over every event's chain hash, its last sequence number and time) to keep outside the system") { output };
        runner.Register(command, parse =>
        {
            var file = parse.GetValue(output) is { } path ? AuditFiles.Output("--out", path, "digest") : null;
            return async (ledger, writer, ct) =>
            {
                var digest = await new DigestTaker(ledger.ConnectionString, SettleTimeout).TakeAsync(ct);
                if (file is null)
                {
                    // The digest is the result, in --json mode or not: a person keeps it as it is.
                    writer.Write(digest, console => console.Profile.Out.Writer.WriteLine(digest.ToJson()));
                    return ExitCodes.Done;
                }

                await File.WriteAllTextAsync(file, digest.ToJson() + Environment.NewLine, ct);
                writer.Write(new { file, digest }, console => console.Profile.Out.Writer.WriteLine(
                    $"digest of {digest.Events:N0} events (up to sequence {digest.LastSequence}) written to {file}: root {digest.Root}"));
                return ExitCodes.Done;
            };
        }, withSilo: false);
        return command;
    }
}
