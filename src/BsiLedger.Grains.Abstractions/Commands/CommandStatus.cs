namespace BsiLedger.Grains.Commands;

public enum CommandStatus
{
    /// <summary>The command's events were appended.</summary>
    Accepted,

    /// <summary>The command had already taken effect: nothing was appended.</summary>
    Unchanged,

    /// <summary>A rule refused the command: nothing was appended.</summary>
    Refused,
}
