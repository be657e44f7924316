using BsiLedger.EventStore.Integrity.Proofs;

namespace BsiLedger.Cli.Audit;

/// <summary>A proof the ledger cannot give is a refusal: its reason on stderr, exit 1, nothing written.</summary>
public static class ProofRefusal
{
    public static async Task<int> RunAsync(TextWriter stderr, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (ProofRefusedException e)
        {
            await stderr.WriteLineAsync($"ProofRefused: {e.Message}");
            return ExitCodes.Refused;
        }
    }
}
