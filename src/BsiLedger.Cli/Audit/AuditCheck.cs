using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.EventStore.Integrity.Proofs;

namespace BsiLedger.Cli.Audit;

/// <summary>
/// <c>bsi audit check PROOF --checkpoint FILE --public-key KEY</c>: checks a proof offline, with no database: exit 0
/// valid, 1 invalid (naming the check that failed), 2 malformed input.
/// </summary>
public static class AuditCheck
{
    public static Command Build(CommandRunner runner)
    {
        var proofFile = new Argument<string>("PROOF") { Description = "A proof from `bsi audit prove` or `bsi audit prove-consistency`" };
        var checkpointFile = new Option<string>("--checkpoint") { Description = "The signed checkpoint you trust", Required = true };
        var keyFile = new Option<string>("--public-key") { Description = "The ledger's public key you trust (ledger.pub, NAME+KEYID+BASE64)", Required = true };
        var command = new Command("check", "Check a proof offline against a checkpoint and the ledger's public key: exit 0 valid, 1 invalid, 2 malformed")
        {
            proofFile, checkpointFile, keyFile,
        };
        runner.RegisterStandalone(command, parse =>
        {
            var proof = AuditFiles.Proof(parse.GetValue(proofFile)!);
            var trusted = AuditFiles.Checkpoint("--checkpoint", parse.GetValue(checkpointFile)!);
            var key = AuditFiles.PublicKey("--public-key", parse.GetValue(keyFile)!);
            return async (_, writer, _) =>
            {
                CheckOutcome outcome;
                try
                {
                    outcome = ProofChecker.Check(proof, trusted, key);
                }
                catch (FormatException e)
                {
                    await runner.Stderr.WriteLineAsync($"error: PROOF embeds {e.Message}");
                    return ExitCodes.BadInput;
                }

                writer.Write(new { valid = outcome.Valid, failedCheck = outcome.Check, message = outcome.Message }, console =>
                    console.Profile.Out.Writer.WriteLine(outcome.Valid ? outcome.Message : $"invalid: {outcome.Check}: {outcome.Message}"));
                return outcome.Valid ? ExitCodes.Done : ExitCodes.Refused;
            };
        });
        return command;
    }
}
