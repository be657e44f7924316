using System.Net;
using System.Net.Http.Json;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary>The API over a server that wants a SCRAM password and TLS: its health check and verification open connections of their own.</summary>
public sealed class ScramTlsApiTests(ScramTlsPostgres postgres) : IClassFixture<ScramTlsPostgres>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_writes_and_verification_work_with_a_password_over_tls()
    {
        var address = ApiServerFixture.FreeAddress();
        await using var app = await ApiServerFixture.StartAsync(await postgres.CreateDatabaseAsync(), address);
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Operator);

        using var health = await client.GetAsync("/health", Ct);
        using var enrolled = await client.PostAsync("/devices", JsonContent.Create(new { id = UniqueIds.Device(), platform = "iOS", os = "26.3.1" }), Ct);
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Auditor);
        var verified = await client.GetFromJsonAsync<VerifyAnswer>("/audit/verify", Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        Assert.Equal(new VerifyAnswer(true, 1), verified);
    }

    private sealed record VerifyAnswer(bool Intact, long Events);
}
