using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.EventStore.Integrity.Proofs;

namespace BsiLedger.Cli.Audit;

/// <summary><c>bsi audit prove-consistency --from OLD --to NEW [--out FILE]</c>: the RFC 6962 proof that NEW's tree extends OLD's.</summary>
public static class AuditProveConsistency
{
    public static Command Build(CommandRunner runner)
    {
        var from = new Option<string>("--from") { Description = "The older checkpoint (a file from `bsi audit checkpoint --out`)", Required = true };
        var to = new Option<string>("--to") { Description = "The newer checkpoint", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the proof to this file (otherwise it is printed)" };
        var command = new Command("prove-consistency", "A consistency proof that one signed checkpoint's tree extends an older one's, for `bsi audit check`")
        {
            from, to, output,
        };
        runner.Register(command, parse =>
        {
            var older = AuditFiles.Checkpoint("--from", parse.GetValue(from)!);
            var newer = AuditFiles.Checkpoint("--to", parse.GetValue(to)!);
            var file = parse.GetValue(output) is { } path ? AuditFiles.Output("--out", path, "proof") : null;
            return (ledger, writer, ct) => ProofRefusal.RunAsync(runner.Stderr, async () =>
            {
                var proof = await new ProofBuilder(ledger.ConnectionString).ProveConsistencyAsync(older, newer, ct);
                await ProofOutput.WriteAsync(writer, ProofDocument.ToJson(proof), file,
                    $"proof that the tree of {newer.Checkpoint.Size:N0} events extends the tree of {older.Checkpoint.Size:N0}", ct);
                return ExitCodes.Done;
            });
        }, withSilo: false);
        return command;
    }
}
