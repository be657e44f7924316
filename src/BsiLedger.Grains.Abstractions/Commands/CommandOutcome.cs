using BsiLedger.Domain;

namespace BsiLedger.Grains.Commands;

/// <summary>
/// What became of a command, and the stream's version afterwards. <paramref name="Replayed"/>: the command's id was
/// already in the stream, so this is its first outcome again (the version its events reached then) and nothing was appended now.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.command-outcome")]
public sealed record CommandOutcome(
    [property: Id(0)] CommandStatus Status,
    [property: Id(1)] int Version,
    [property: Id(2)] int EventsAppended,
    [property: Id(3)] DomainError? Error,
    [property: Id(4)] bool Replayed = false)
{
    public static CommandOutcome Accepted(int version, int events) => new(CommandStatus.Accepted, version, events, null);

    public static CommandOutcome AcceptedBefore(int version, int events) => new(CommandStatus.Accepted, version, events, null, Replayed: true);

    public static CommandOutcome Unchanged(int version) => new(CommandStatus.Unchanged, version, 0, null);

    public static CommandOutcome Refused(int version, DomainError error) => new(CommandStatus.Refused, version, 0, error);
}
