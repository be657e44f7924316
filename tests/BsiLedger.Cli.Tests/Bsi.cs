using System.Diagnostics;
using System.Text.Json;

namespace BsiLedger.Cli.Tests;

/// <summary>Runs the real <c>bsi</c> program in a child process, as a user or a script would.</summary>
public static class Bsi
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "bsi.dll");

    /// <param name="timeout">How long the run may take: two minutes unless told (a chaos run takes longer).</param>
    public static async Task<BsiRun> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("BSILEDGER_CONNECTION");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return new BsiRun(process.ExitCode, await stdout, await stderr);
    }
}

public sealed record BsiRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json() => JsonDocument.Parse(Stdout).RootElement;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
