using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Index;
using Npgsql;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// A batch's rows for <see cref="InstallReportProjection.TableName"/>: a device's last report per release, since one
/// upsert may not touch a row twice.
/// </summary>
/// <param name="capacity">The reports the batch is expected to hold.</param>
internal sealed class InstallReportRows(int capacity)
{
    private readonly Dictionary<(ReleaseId Release, string DeviceId), InstallReport> _latest = new(capacity);

    public int Count => _latest.Count;

    public void Add(object data)
    {
        if (InstallReportProjection.ReportOf(data) is var (release, deviceId, outcome))
        {
            _latest[(release, deviceId)] = outcome;
        }
    }

    public void Bind(NpgsqlParameterCollection parameters)
    {
        // A batch reports on a few releases: each one's id is written once, not once per report.
        var names = _latest.Keys.Select(k => k.Release).Distinct().ToDictionary(r => r, r => r.ToString());
        parameters.AddWithValue("releases", _latest.Keys.Select(k => names[k.Release]).ToArray());
        parameters.AddWithValue("devices", _latest.Keys.Select(k => k.DeviceId).ToArray());
        parameters.AddWithValue("positions", _latest.Keys.Select(k => Cohort.Position(k.Release, k.DeviceId)).ToArray());
        parameters.AddWithValue("outcomes", _latest.Values.Select(o => (short)o).ToArray());
    }
}
