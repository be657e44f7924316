using System.Text;

namespace BsiLedger.EventStore.Postgres;

/// <summary>Turns a failed external command into an exception that shows what went wrong.</summary>
internal static class CommandFailure
{
    private const int TailLines = 20;

    public static async Task<CommandResult> RunCheckedAsync(CommandLine command, string? logFile, CancellationToken ct)
    {
        var result = await ExternalCommand.RunAsync(command, ct);
        return result.ExitCode == 0 ? result : throw Exception(command, result, logFile);
    }

    public static EmbeddedPostgresException Exception(CommandLine command, CommandResult result, string? logFile)
    {
        var message = new StringBuilder()
            .Append("Command failed with exit code ").Append(result.ExitCode).Append(": ").AppendLine(command.ToString());
        AppendTail(message, "stderr", result.StandardError);
        AppendTail(message, "stdout", result.StandardOutput);
        if (logFile is not null && File.Exists(logFile))
        {
            AppendTail(message, logFile, ReadShared(logFile));
        }

        return new EmbeddedPostgresException(message.ToString().TrimEnd());
    }

    public static string Tail(string text, int lines = TailLines) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));

    // The server may still be writing its log.
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void AppendTail(StringBuilder message, string label, string text)
    {
        var tail = Tail(text);
        if (tail.Length > 0)
        {
            message.Append("--- ").Append(label).AppendLine(" (last lines) ---").AppendLine(tail);
        }
    }
}
