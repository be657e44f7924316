using BsiLedger.EventStore.Integrity.Checkpoints;
using BsiLedger.EventStore.Integrity.Proofs;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Audit;

/// <summary>The files the audit commands read and write, checked before anything runs: a bad one is bad input (exit 2).</summary>
public static class AuditFiles
{
    public static string Output(string option, string path, string what)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{option} '{path}' is a directory; give a file name for the {what}");
        }

        if (Path.GetDirectoryName(full) is { } directory && !Directory.Exists(directory))
        {
            throw new UsageException($"{option} '{path}': directory '{directory}' does not exist");
        }

        return full;
    }

    public static SignedCheckpoint Checkpoint(string option, string path) =>
        Read(option, path, "a checkpoint written by `bsi audit checkpoint --out FILE`", SignedCheckpoint.Parse);

    public static LedgerKey SigningKey(string option, string path) =>
        Read(option, path, "the ledger.key written by `bsi audit keygen --out DIR`", LedgerKey.Parse);

    public static VerifierKey PublicKey(string option, string path) =>
        Read(option, path, "the ledger.pub written by `bsi audit keygen --out DIR`", VerifierKey.Parse);

    public static object Proof(string path) =>
        Read("PROOF", path, "a proof written by `bsi audit prove` or `bsi audit prove-consistency`", ProofDocument.Parse);

    private static T Read<T>(string option, string path, string expected, Func<string, T> parse)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{option} '{path}' does not exist; give {expected}");
        }

        try
        {
            return parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option} '{path}' is {e.Message}");
        }
    }
}
