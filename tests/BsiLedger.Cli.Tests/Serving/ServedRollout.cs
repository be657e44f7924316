using System.Net.Http.Json;
using System.Text.Json;
using BsiLedger.Domain.Releases;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.Cli.Tests.Serving;

/// <summary>
/// A line of its own, enrolled and rolled out through a served API, watched through the database alone (a request about
/// the release would itself wake its grain, and these tests are about who wakes it).
/// </summary>
public sealed class ServedRollout(string database, double[] shares, string soak = "1s")
{
    private static readonly string[] Components = ["WebKit"];

    // Unpooled: a pooled connection would outlive a database restart and fail on its next use.
    private readonly string _database = new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString;

    private string[] _fleet = [];

    public string Line { get; } = UniqueIds.BaseVersion();

    public ReleaseId Release => ReleaseId.Parse($"iOS {Line} (a)");

    public IReadOnlyList<string> Fleet => _fleet;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task EnrollAsync(HttpClient http, int devices)
    {
        _fleet = [.. Enumerable.Range(0, devices).Select(i => $"fleet-{Line}-{i:D5}")];
        await Parallel.ForEachAsync(_fleet, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct }, async (id, ct) =>
        {
            using var response = await http.PostAsJsonAsync("/devices", new { id, platform = "iOS", os = Line }, ct);
            Assert.True(response.IsSuccessStatusCode, $"enrolling {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        });
    }

    /// <summary>Publishes, plans (every wave soaks <c>soak</c>, 1 s by default, and halts only past 50% failures) and starts the release.</summary>
    public async Task StartAsync(HttpClient http)
    {
        var path = $"/releases/{Uri.EscapeDataString(Release.ToString())}";
        await CommandAsync(http, "/releases", new { id = Release.ToString(), components = Components });
        await CommandAsync(http, $"{path}/plan", new { waves = shares.Select(share => new { share, soak, failureThreshold = 0.5 }), minSample = 10 });
        await CommandAsync(http, $"{path}/start", new { });
    }

    /// <summary>The release's stream as (event type, wave), once <paramref name="done"/> holds for it.</summary>
    public async Task<List<(string Type, int Wave)>> WaitForAsync(Func<List<(string Type, int Wave)>, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(120);
        var events = await EventsAsync();
        while (!done(events) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
            events = await EventsAsync();
        }

        Assert.True(done(events), $"the release's stream stopped at: {string.Join(", ", events)}");
        return events;
    }

    public async Task<List<(string Type, int Wave)>> EventsAsync() =>
        [.. (await RowsAsync()).Select(row => (row.Type, row.Data.TryGetProperty("Wave", out var wave) ? wave.GetInt32() : -1))];

    /// <summary>Published, planned, then each wave started and completed once: what an uninterrupted rollout stores.</summary>
    public List<(string Type, int Wave)> Expected() =>
    [
        ("bsi.release-published", -1),
        ("bsi.rollout-planned", -1),
        .. Enumerable.Range(0, shares.Length).SelectMany(wave => new[] { ("bsi.wave-started", wave), ("bsi.wave-completed", wave) }),
    ];

    /// <summary>Each wave's slice, from the cohort positions alone: what any run, interrupted or not, must target.</summary>
    public List<int> ExpectedTargets() =>
        [.. shares.Select((share, wave) => _fleet.Count(id => Cohort.Position(Release, id) is var p && p >= (wave == 0 ? 0 : shares[wave - 1]) && p < share))];

    public async Task<List<int>> TargetedAsync() =>
        [.. (await RowsAsync()).Where(row => row.Type == "bsi.wave-started").Select(row => row.Data.GetProperty("Tally").GetProperty("Targeted").GetInt32())];

    private static async Task CommandAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private async Task<List<(string Type, JsonElement Data)>> RowsAsync()
    {
        var rows = new List<(string, JsonElement)>();
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select type, data::text from bsiledger.mt_events where stream_id = @id order by version", connection);
        command.Parameters.AddWithValue("id", Release.ToString());
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            using var data = JsonDocument.Parse(reader.GetString(1));
            rows.Add((reader.GetString(0), data.RootElement.Clone()));
        }

        return rows;
    }
}
