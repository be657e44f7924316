using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.Cli.Tests.Serving;

/// <summary>
/// PostgreSQL stopped under a serving silo mid-wave, then started again: requests get 503 while it is down, nothing
/// acknowledged is lost, and the rollout carries on once it is back, without the silo being restarted.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const int Devices = 600;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_PostgreSQL_is_down_requests_get_503_and_once_it_is_back_the_rollout_finishes_with_nothing_acknowledged_lost()
    {
        // Not CreateTempSubdirectory: its mode 700 would keep the embedded server's own account out.
        var directory = Path.Combine(Path.GetTempPath(), "bsi-outage-" + Guid.NewGuid().ToString("N")[..10]);
        var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(directory, Durable: false), Ct);
        try
        {
            var port = new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Port;
            var rollout = new ServedRollout(postgres.ConnectionString, [0.2, 0.5, 1.0]);
            await using var served = await ServedBsi.StartAsync(postgres.ConnectionString, Tick);
            await rollout.EnrollAsync(served.Http, Devices);
            await rollout.StartAsync(served.Http);
            var reports = new EnrolmentsInBackground(served.Http, rollout.Line);
            await rollout.WaitForAsync(events => events.Contains(("bsi.wave-completed", 0)));

            await postgres.DisposeAsync();
            using (var refused = await served.Http.PostAsJsonAsync("/devices", new { id = UniqueIds.Device("down"), platform = "iOS", os = "26.3.1" }, Ct))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            }

            using (var health = await served.Http.GetAsync(new Uri("/health", UriKind.Relative), Ct))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            }

            // Long enough for the rollout's timer to fail a few times against the missing database.
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(directory, Durable: false, Port: port), Ct);
            var events = await rollout.WaitForAsync(events => events.Contains(("bsi.wave-completed", 2)));
            var (attempted, acknowledged, statuses) = await reports.StopAsync();

            Assert.Equal(rollout.Expected(), events);
            Assert.Equal(rollout.ExpectedTargets(), await rollout.TargetedAsync());
            Assert.NotEmpty(acknowledged);
            var database = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false }.ConnectionString;
            foreach (var id in attempted)
            {
                var stored = await StoredRows.CountAsync(database, id);
                Assert.Equal(acknowledged.Contains(id) ? 1 : stored, stored);
                Assert.InRange(stored, 0, 1);
            }

            Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
            Assert.All(statuses, status => Assert.True((int)status < 500 || status == HttpStatusCode.ServiceUnavailable, $"{status}"));
        }
        finally
        {
            await postgres.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
