namespace BsiLedger.Domain.Releases.Commands;

/// <summary>
/// The reports the devices of a running wave's slice have made so far, weighed against its failure threshold between
/// its offers and its end: devices that take hours to install report after their offer went out.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.check-wave-reports")]
public sealed record CheckWaveReports(
    ReleaseId Release,
    [property: Id(0)] int Wave,
    [property: Id(1)] ReportedOutcomes Reported,
    Cause Cause) : ReleaseCommand(Release, Cause);
