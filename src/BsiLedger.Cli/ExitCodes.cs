namespace BsiLedger.Cli;

/// <summary>The exit codes of the CLI contract.</summary>
public static class ExitCodes
{
    public const int Done = 0;

    /// <summary>A domain rule refused the command; nothing was appended.</summary>
    public const int Refused = 1;

    /// <summary>Bad input or usage; nothing was appended.</summary>
    public const int BadInput = 2;

    /// <summary>Infrastructure: database unreachable, conflict retries exhausted.</summary>
    public const int Infrastructure = 3;
}
