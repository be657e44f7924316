using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using BsiLedger.Cli.Tests.Serving;
using BsiLedger.Client;
using BsiLedger.Client.Models;
using BsiLedger.Domain.Releases;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests.Clients;

/// <summary>
/// The C# client Kiota generates from the committed OpenAPI document (see the project file), used as a user would use
/// it against a real <c>bsi serve</c>. Document and API drifting apart fails here: the served document is not the
/// committed one, the client's calls no longer work, or an answer is not what the document says it is.
/// </summary>
public sealed class GeneratedClientTests(ServedForClients server) : IClassFixture<ServedForClients>
{
    /// <summary>Set, the document test writes the served document over the committed one instead of failing.</summary>
    private const string UpdateVariable = "BSILEDGER_UPDATE_OPENAPI";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_served_document_is_the_committed_one_the_client_is_generated_from()
    {
        var served = JsonNode.Parse(await server.Served.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct))!.AsObject();
        // The server names itself by the address it was asked at; the committed document names bsi serve's default.
        served["servers"] = new JsonArray(new JsonObject { ["url"] = "http://127.0.0.1:5080" });
        if (Environment.GetEnvironmentVariable(UpdateVariable) is "1")
        {
            await File.WriteAllTextAsync(ApiDescription.FilePath, served.ToJsonString(new() { WriteIndented = true }) + "\n", Ct);
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(ApiDescription.FilePath, Ct));
        Assert.True(JsonNode.DeepEquals(served, committed),
            $"/openapi/v1.json differs from {ApiDescription.FilePath}: run this test with {UpdateVariable}=1 to take the served one, and review the diff");
    }

    [Fact]
    public async Task A_generated_client_drives_a_whole_rollout_with_devices_reporting_through_their_own_tokens()
    {
        var operatorClient = server.Client(ServedBsi.OperatorToken);
        var auditor = server.Client(ServedBsi.AuditorToken);
        var line = UniqueIds.BaseVersion();
        var release = ReleaseId.Parse($"iOS {line} (a)");
        var id = release.ToString();
        // Two devices in the first wave's half (one installs, one fails: a halt as soon as both have reported), two outside it.
        var fleet = Enumerable.Range(0, 64).Select(i => $"client-{line}-{i:D2}").ToList();
        string[] inWave = [.. fleet.Where(d => Cohort.Position(release, d) < 0.5).Take(2)];
        string[] outside = [.. fleet.Where(d => Cohort.Position(release, d) >= 0.5).Take(2)];

        var published = await operatorClient.Releases.PostAsync(new PublishRequest { Id = id, Components = ["WebKit"], Cves = ["CVE-2026-20001"] }, cancellationToken: Ct);
        Assert.Equal("accepted", published!.Status);
        await operatorClient.Releases[id].Plan.PostAsync(new PlanRequest
        {
            Waves = [new WaveRequest { Share = 0.5, Soak = "10m", FailureThreshold = 0.4 }, new WaveRequest { Share = 1.0, Soak = "0h", FailureThreshold = 0.4 }],
            MinSample = 2,
        }, cancellationToken: Ct);
        var tokens = new Dictionary<string, string>();
        foreach (var device in inWave.Concat(outside))
        {
            var enrolled = await operatorClient.Devices.PostAsync(new EnrollRequest { Id = device, Platform = "iOS", Os = line, Model = "iPhone18,1" }, cancellationToken: Ct);
            tokens[device] = enrolled!.DeviceToken!;
        }

        var started = await operatorClient.Releases[id].Start.PostAsync(cancellationToken: Ct);
        Assert.Equal("running", started!.Rollout!.Phase);
        Assert.Equal("accepted", (await operatorClient.Releases[id].Pause.PostAsync(cancellationToken: Ct))!.Status);
        Assert.Equal("accepted", (await operatorClient.Releases[id].Resume.PostAsync(cancellationToken: Ct))!.Status);

        var (installer, failer) = (server.Client(tokens[inWave[0]]), server.Client(tokens[inWave[1]]));
        Assert.Equal("accepted", (await installer.Devices[inWave[0]].Install.PostAsync(new InstallRequest { Release = id }, cancellationToken: Ct))!.Status);
        Assert.Equal("accepted", (await installer.Devices[inWave[0]].Apply.PostAsync(new ApplyRequest { Release = id }, cancellationToken: Ct))!.Status);
        Assert.Equal("accepted", (await failer.Devices[inWave[1]].Fail.PostAsync(new FailRequest { Release = id, Reason = "personalisation failed" }, cancellationToken: Ct))!.Status);
        var otherDevice = await Assert.ThrowsAsync<ProblemDetails>(() => failer.Devices[inWave[0]].Uninstall.PostAsync(cancellationToken: Ct));
        Assert.Equal((int)HttpStatusCode.Forbidden, otherDevice.ResponseStatusCode);

        var halted = await UntilAsync(() => auditor.Releases[id].GetAsync(cancellationToken: Ct), status => status?.Phase == "halted");
        Assert.Equal(0.5, halted!.Halted!.FailureRate);
        Assert.Equal(0.4, halted.Halted.Threshold);
        Assert.Equal((halted.Halted.Attempts, halted.Halted.FailureRate), (halted.Waves![0].Attempts, halted.Waves[0].FailureRate));
        // A second release of the line, so that a page of one has a next page to point at.
        await operatorClient.Releases.PostAsync(new PublishRequest { Id = $"iOS {line} (b)", Components = ["WebKit"] }, cancellationToken: Ct);
        // The last page first: the recorded example is the last answer, and its `next` is what types the field.
        var rest = await auditor.Releases.GetAsync(request => (request.QueryParameters.After, request.QueryParameters.Limit) = (id, "1"), Ct);
        Assert.Equal([$"iOS {line} (b)"], rest!.Releases!.Select(r => r.Release));
        Assert.Null(rest.Next);
        var listed = await auditor.Releases.GetAsync(request => request.QueryParameters.Limit = "1", Ct);
        var row = Assert.Single(listed!.Releases!);
        Assert.True(row is { Phase: "halted", CurrentWave: 0, Halted: true, Recalled: false } && row.Release == id, $"listed {row.Release} {row.Phase}");
        Assert.Equal(id, listed.Next);
        var resumed = await operatorClient.Releases[id].Resume.PostAsync(cancellationToken: Ct);
        Assert.Equal("accepted", resumed!.Status);
        Assert.Equal(tokens[outside[0]], (await operatorClient.Devices[outside[0]].Token.GetAsync(cancellationToken: Ct))!.DeviceToken);

        var checkedIn = await server.Client(tokens[outside[0]]).Devices[outside[0]].CheckIn.PostAsync(cancellationToken: Ct);
        Assert.Equal(outside[0], checkedIn!.Device);
        Assert.Equal("unchanged", (await server.Client(tokens[outside[0]]).Devices[outside[0]].Uninstall.PostAsync(cancellationToken: Ct))!.Status);
        Assert.Equal("accepted", (await server.Client(tokens[outside[1]]).Devices[outside[1]].OsUpdate.PostAsync(new OsUpdateRequest { To = NextMajor(line) }, cancellationToken: Ct))!.Status);

        var recalled = await operatorClient.Releases[id].Recall.PostAsync(new ReasonRequest { Reason = "breaks sign-in pages" }, cancellationToken: Ct);
        Assert.Equal(1, recalled!.Rollout!.Recall!.Exposed);
        var exposure = await UntilAsync(() => auditor.Audit.Releases[id].Exposed.GetAsync(cancellationToken: Ct), e => e?.Totals?.Withdrawn == 1);
        Assert.Equal(1, exposure!.Totals!.Devices);
        var timeline = await auditor.Releases[id].Timeline.GetAsync(cancellationToken: Ct);
        Assert.Equal(1.0, timeline!.Failures![^1].Failed);
        Assert.Equal(2.0, timeline.Failures[^1].Attempts);
        Assert.Equal(0.0, timeline.Adoption![^1].Devices);
        Assert.Equal(1.0, timeline.Recall!.Exposed);
        Assert.Equal(0.0, timeline.Recall.Points![^1].Pending);
        var windows = await auditor.Audit.Devices[inWave[0]].Exposure.GetAsync(cancellationToken: Ct);
        var window = Assert.Single(windows!.Windows!);
        Assert.Equal((id, "withdrawn"), (window.Release, window.Ending));

        var history = await auditor.Audit.Devices[inWave[0]].History.GetAsync(cancellationToken: Ct);
        Assert.Equal(["bsi.device-enrolled", "bsi.bsi-installed", "bsi.bsi-applied", "bsi.bsi-withdrawn"], Types(history!));
        Assert.Equal(inWave[0], (await auditor.Devices[inWave[0]].GetAsync(cancellationToken: Ct))!.Device);
        var first = await auditor.Audit.Devices[inWave[0]].At.GetAsync(request => request.QueryParameters.Version = "1", Ct);
        Assert.True(first!.Enrolled);
        Assert.True((await auditor.Audit.Verify.GetAsync(cancellationToken: Ct))!.Intact);

        var description = ApiDescription.Load();
        if (ExampleRecording.IsOn)
        {
            ExampleRecording.Write(description, server.Exchanges);
        }

        var misfits = server.Exchanges.SelectMany(description.Misfits).Distinct().ToList();
        Assert.True(misfits.Count == 0, string.Join('\n', misfits));
        Assert.Contains(server.Exchanges, e => e.Status == HttpStatusCode.Forbidden);
    }

    private static string NextMajor(string os) => $"{int.Parse(os.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) + 1}.0";

    private static List<string?> Types(Client.Audit.Devices.Item.History.HistoryGetResponse history) =>
        [.. history.Events!.Select(e => e.Type)];

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var value = await read();
        while (!done(value) && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100, Ct);
            value = await read();
        }

        Assert.True(done(value), $"not reached in 60 s; last read: {System.Text.Json.JsonSerializer.Serialize(value)}");
        return value;
    }
}
