using System.Diagnostics;

namespace BsiLedger.Cli.Chaos;

/// <summary>How to start this very program again as a child: its own executable, or <c>dotnet bsi.dll</c> when run that way.</summary>
public static class SelfCommand
{
    public static ProcessStartInfo With(IEnumerable<string> args)
    {
        var path = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(path) { UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(SelfCommand).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
