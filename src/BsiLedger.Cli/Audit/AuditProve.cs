using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.EventStore.Integrity.Proofs;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Audit;

/// <summary>
/// <c>bsi audit prove DEVICE [--version N] --checkpoint FILE [--out FILE]</c>: every event of the device that the
/// checkpoint covers (or version N), each with its row, its hash and its inclusion path: one self-contained JSON document.
/// </summary>
public static class AuditProve
{
    public static Command Build(CommandRunner runner)
    {
        var id = new Argument<string>("DEVICE") { Description = "The device id" };
        var version = new Option<long?>("--version") { Description = "Only the device's N-th event (N from 1)" };
        var checkpointFile = new Option<string>("--checkpoint") { Description = "A checkpoint this ledger signed (from `bsi audit checkpoint --out FILE`)", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the proof to this file (otherwise it is printed)" };
        var command = new Command("prove", "An inclusion proof of a device's events in a signed checkpoint, for `bsi audit check`")
        {
            id, version, checkpointFile, output,
        };
        runner.Register(command, parse =>
        {
            var deviceId = InputParsers.DeviceId(parse.GetValue(id));
            var only = parse.GetValue(version);
            if (only is < 1)
            {
                throw new UsageException($"--version {only}: a device's versions start at 1");
            }

            var checkpoint = AuditFiles.Checkpoint("--checkpoint", parse.GetValue(checkpointFile)!);
            var file = parse.GetValue(output) is { } path ? AuditFiles.Output("--out", path, "proof") : null;
            return (ledger, writer, ct) => ProofRefusal.RunAsync(runner.Stderr, async () =>
            {
                DeviceProof proof;
                try
                {
                    proof = await new ProofBuilder(ledger.ConnectionString).ProveDeviceAsync(deviceId, only, checkpoint, ct);
                }
                catch (ArgumentOutOfRangeException e) when (e.ParamName == "version")
                {
                    throw new UsageException($"--version {only}: {e.Message.Split(" (Parameter")[0]}");
                }

                await ProofOutput.WriteAsync(writer, ProofDocument.ToJson(proof), file,
                    $"proof of device '{deviceId}' versions {proof.Events[0].Version} to {proof.Events[^1].Version} in the tree of {checkpoint.Checkpoint.Size:N0} events", ct);
                return ExitCodes.Done;
            });
        }, withSilo: false);
        return command;
    }
}
