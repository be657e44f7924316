using System.Globalization;
using BsiLedger.EventStore.ReadModels;

namespace BsiLedger.Operations.Audit;

/// <summary>
/// The end of an exposure list: devices that ran the release, windows (more than devices only where one re-applied it
/// after removing it), those still open, and the closed ones by what ended them.
/// </summary>
public sealed record ExposureTotals(int Devices, int Windows, int StillExposed, int Withdrawn, int Removed, int OsUpdated, int Superseded)
{
    public static ExposureTotals Of(IReadOnlyList<ExposureWindow> windows) => new(
        windows.Select(w => w.DeviceId).Distinct(StringComparer.Ordinal).Count(),
        windows.Count,
        windows.Count(w => w.StillExposed),
        windows.Count(w => w.Ending == ExposureEnding.Withdrawn),
        windows.Count(w => w.Ending == ExposureEnding.Removed),
        windows.Count(w => w.Ending == ExposureEnding.OsUpdated),
        windows.Count(w => w.Ending == ExposureEnding.Superseded));

    public string Summary(string release) => string.Create(CultureInfo.InvariantCulture,
        $"{release}: {Devices:N0} device(s) exposed ({Windows:N0} window(s)); still exposed {StillExposed:N0}; "
        + $"withdrawn {Withdrawn:N0}, removed by the user {Removed:N0}, OS updated {OsUpdated:N0}, superseded {Superseded:N0}");
}
