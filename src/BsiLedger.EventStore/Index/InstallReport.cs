namespace BsiLedger.EventStore.Index;

/// <summary>A device's latest report on a release, as stored in <see cref="InstallReportProjection.TableName"/>.</summary>
public enum InstallReport : short
{
    Failed = 0,
    Installed = 1,
    Applied = 2,
}
