using System.Net;
using BsiLedger.Api.Checkpoints;
using BsiLedger.Api.Endpoints;
using BsiLedger.EventStore.Integrity.Checkpoints;
using BsiLedger.Host;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary><c>GET /audit/checkpoints/latest</c> and the server's own checkpoint schedule.</summary>
public sealed class CheckpointRouteTests(ApiServerFixture server) : ApiTest(server)
{
    [Fact]
    public async Task A_server_on_a_schedule_signs_checkpoints_that_grow_with_the_ledger_and_serves_the_latest_as_a_signed_note()
    {
        var ct = TestContext.Current.CancellationToken;
        using var key = LedgerKey.Create("test.example/served");
        var address = ApiServerFixture.FreeAddress();
        var options = new ServeOptions(new LedgerHostOptions(await Server.Postgres.CreateDatabaseAsync()) { Telemetry = TelemetryMode.None }, address.ToString().TrimEnd('/'))
        {
            Configuration = Tokens.Configuration(),
            Checkpoints = new CheckpointSchedule(key, TimeSpan.FromMilliseconds(300)),
        };
        await using var app = ApiServer.Build(options);
        await app.StartAsync(ct);
        using var auditor = new HttpClient { BaseAddress = address };
        auditor.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Auditor);
        using var @operator = new HttpClient { BaseAddress = address };
        @operator.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Operator);

        await Expect(HttpStatusCode.Created, Post(@operator, "/devices", new { id = UniqueIds.Device(), platform = "iOS", os = "26.3.1" }));
        SignedCheckpoint? served = null;
        for (var attempt = 0; attempt < 100 && served?.Checkpoint.Size is not > 0; attempt++)
        {
            await Task.Delay(200, ct);
            using var response = await auditor.GetAsync("/audit/checkpoints/latest", ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
                served = SignedCheckpoint.Parse(await response.Content.ReadAsStringAsync(ct));
            }
        }

        Assert.NotNull(served);
        Assert.Equal(1, served.Checkpoint.Size);
        Assert.Null(served.Refusal(key.Verifier));
        await app.StopAsync(ct);
    }

    [Fact]
    public async Task Before_any_checkpoint_latest_is_404_and_it_needs_a_reading_role()
    {
        AssertProblem(await Expect(HttpStatusCode.NotFound, Get(Auditor, "/audit/checkpoints/latest")), CheckpointEndpoints.NoCheckpoint);
        await Expect(HttpStatusCode.Unauthorized, Get(Server.Client(null), "/audit/checkpoints/latest"));
    }
}
