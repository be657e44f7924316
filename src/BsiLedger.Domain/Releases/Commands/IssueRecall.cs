namespace BsiLedger.Domain.Releases.Commands;

/// <summary>An operator recalls the release; the recall id is the command's correlation id.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.issue-recall")]
public sealed record IssueRecall(
    ReleaseId Release,
    [property: Id(0)] string RecallId,
    [property: Id(1)] string Reason,
    Cause Cause) : ReleaseCommand(Release, Cause);
