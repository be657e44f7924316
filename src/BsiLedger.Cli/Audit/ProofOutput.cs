using BsiLedger.Cli.Output;

namespace BsiLedger.Cli.Audit;

/// <summary>A proof is the result: printed as it is (with --json or not), or written to --out with a line saying so.</summary>
public static class ProofOutput
{
    public static async Task WriteAsync(ResultWriter writer, string json, string? file, string what, CancellationToken ct)
    {
        if (file is null)
        {
            await writer.Stdout.WriteLineAsync(json.AsMemory(), ct);
            return;
        }

        await File.WriteAllTextAsync(file, json + Environment.NewLine, ct);
        writer.Write(new { file, written = what }, console => console.Profile.Out.Writer.WriteLine($"{what} written to {file}"));
    }
}
