using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary>The <c>Idempotency-Key</c> header: a request sent again under its key answers as the first time and appends nothing.</summary>
public sealed class IdempotencyKeyTests(ApiServerFixture server) : ApiTest(server)
{
    [Fact]
    public async Task An_enrolment_sent_again_under_its_key_answers_201_with_the_first_document_and_appends_nothing()
    {
        var (_, os) = NewRelease();
        var device = UniqueIds.Device();
        var body = new { id = device, platform = "iOS", os };
        var key = Guid.NewGuid().ToString();

        var first = await Send(HttpStatusCode.Created, "/devices", body, key);
        var again = await Send(HttpStatusCode.Created, "/devices", body, key);

        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.Equal(key, again.GetProperty("correlationId").GetString());
        Assert.Equal(1, await RowsAsync(device));
        AssertProblem(await Expect(HttpStatusCode.Conflict, Post(Operator, "/devices", body)), "DeviceAlreadyEnrolled");
    }

    [Fact]
    public async Task A_failure_report_sent_again_under_its_key_is_one_failure_and_under_a_new_key_another()
    {
        var (release, os) = NewRelease();
        await Publish(release);
        var device = UniqueIds.Device();
        await Enroll(device, os);
        var failure = new { release, reason = "signing service unreachable" };
        var key = Guid.NewGuid().ToString();

        var first = await Send(HttpStatusCode.OK, $"/devices/{device}/fail", failure, key);
        // The structured-field form of the IETF draft, a quoted string, names the same key.
        var again = await Send(HttpStatusCode.OK, $"/devices/{device}/fail", failure, $"\"{key}\"");
        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.Equal(2, await RowsAsync(device));

        await Send(HttpStatusCode.OK, $"/devices/{device}/fail", failure, Guid.NewGuid().ToString());
        Assert.Equal(3, await RowsAsync(device));
    }

    [Fact]
    public async Task A_recall_sent_again_under_its_key_answers_as_the_first_time_instead_of_already_recalled()
    {
        var (release, _) = NewRelease();
        await Publish(release);
        var path = $"/releases/{Route(release)}";
        var key = Guid.NewGuid().ToString();

        var first = await Send(HttpStatusCode.OK, $"{path}/recall", new { reason = "breaks sign-in pages" }, key);
        var rows = await RowsAsync(release);
        var again = await Send(HttpStatusCode.OK, $"{path}/recall", new { reason = "breaks sign-in pages" }, key);

        foreach (var field in new[] { "status", "version", "eventsAppended", "correlationId" })
        {
            Assert.Equal(first.GetProperty(field).GetRawText(), again.GetProperty(field).GetRawText());
        }

        Assert.Equal(rows, await RowsAsync(release));
        AssertProblem(await Expect(HttpStatusCode.Conflict, Post(Operator, $"{path}/recall", new { reason = "breaks sign-in pages" })), "ReleaseAlreadyRecalled");
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("offer/iOS 26.3.1 (a)/0/D1")]
    [InlineData("")]
    [InlineData("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk")]
    public async Task A_malformed_key_is_400_naming_the_header_and_nothing_is_appended(string key)
    {
        var device = UniqueIds.Device();

        var problem = await Send(HttpStatusCode.BadRequest, "/devices", new { id = device, platform = "iOS", os = "26.3.1" }, key);

        AssertProblem(problem, "BadInput", "Idempotency-Key");
        Assert.Contains("not a command id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync(device));
    }

    [Fact]
    public async Task Two_keys_are_400()
    {
        var device = UniqueIds.Device();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/devices") { Content = JsonContent.Create(new { id = device, platform = "iOS", os = "26.3.1" }) };
        request.Headers.Add("Idempotency-Key", ["k1", "k2"]);

        AssertProblem(await Expect(HttpStatusCode.BadRequest, Operator.SendAsync(request, TestContext.Current.CancellationToken)), "BadInput", "Idempotency-Key");
        Assert.Equal(0, await RowsAsync(device));
    }

    private Task<JsonElement> Send(HttpStatusCode expected, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return Expect(expected, SendAndDispose(request));
    }

    private async Task<HttpResponseMessage> SendAndDispose(HttpRequestMessage request)
    {
        using (request)
        {
            return await Operator.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }
}
