using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.EventStore.Integrity.Checkpoints;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Audit;

/// <summary>
/// <c>bsi audit checkpoint [--key FILE] [--out FILE]</c>: signs a checkpoint of the ledger as it stands (or returns the
/// last one, when the ledger has not grown since this key signed it) and keeps it in the ledger.
/// </summary>
public static class AuditCheckpoint
{
    public const string KeyVariable = "BSILEDGER_SIGNING_KEY";

    public static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    public static Command Build(CommandRunner runner)
    {
        var keyFile = new Option<string?>("--key") { Description = $"The ledger's signing key (ledger.key from `bsi audit keygen`); defaults to ${KeyVariable}" };
        var output = new Option<string?>("--out") { Description = "Write the signed checkpoint to this file (otherwise it is printed)" };
        var command = new Command("checkpoint", "Sign a checkpoint (tree size and RFC 6962 root, a C2SP signed note) of the ledger as it stands, and keep it in the ledger")
        {
            keyFile, output,
        };
        runner.Register(command, parse =>
        {
            var key = SigningKey(parse.GetValue(keyFile));
            var file = parse.GetValue(output) is { } path ? AuditFiles.Output("--out", path, "checkpoint") : null;
            return async (ledger, writer, ct) =>
            {
                using var signing = key;
                var (stored, isNew) = await new CheckpointSigner(ledger.ConnectionString, SettleTimeout).SignAsync(signing, ct);
                var note = stored.Head.ToString();
                if (file is not null)
                {
                    await File.WriteAllTextAsync(file, note, ct);
                }

                var checkpoint = stored.Head.Checkpoint;
                writer.Write(
                    new
                    {
                        number = stored.Number,
                        origin = checkpoint.Origin,
                        treeSize = checkpoint.Size,
                        root = checkpoint.Root.ToString(),
                        lastSequence = stored.LastSequence,
                        signedAt = stored.SignedAt,
                        signedNow = isNew,
                        chain = stored.Chain.ToString(),
                        note,
                        file,
                    },
                    console =>
                    {
                        if (file is null)
                        {
                            console.Profile.Out.Writer.Write(note);
                            return;
                        }

                        console.Profile.Out.Writer.WriteLine(
                            $"checkpoint {stored.Number} of {checkpoint.Size:N0} events (up to sequence {stored.LastSequence}) " +
                            $"{(isNew ? "signed" : "unchanged since it was signed")} and written to {file}: root {checkpoint.Root}");
                    });
                return ExitCodes.Done;
            };
        }, withSilo: false);
        return command;
    }

    public static LedgerKey SigningKey(string? option) =>
        (option ?? Environment.GetEnvironmentVariable(KeyVariable)) is { Length: > 0 } path
            ? AuditFiles.SigningKey(option is null ? $"${KeyVariable}" : "--key", path)
            : throw new UsageException($"no signing key: give --key FILE (ledger.key from `bsi audit keygen --out DIR`) or set ${KeyVariable}");
}
