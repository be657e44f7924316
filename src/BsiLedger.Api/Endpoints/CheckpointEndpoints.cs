using BsiLedger.Api.Auth;
using BsiLedger.Api.OpenApi;
using BsiLedger.Api.Problems;
using BsiLedger.EventStore.Integrity.Checkpoints;
using BsiLedger.EventStore.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BsiLedger.Api.Endpoints;

/// <summary><c>GET /audit/checkpoints/latest</c>: the last checkpoint the ledger signed, as the signed note itself (text/plain).</summary>
public static class CheckpointEndpoints
{
    public const string NoCheckpoint = "NoCheckpoint";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/audit/checkpoints").WithTags("audit").RequireAuthorization(Policies.Read).AnswersCommonProblems()
            .MapGet("/latest", LatestAsync)
            .WithName("getLatestCheckpoint")
            .WithSummary("Read the last checkpoint the ledger signed, as a signed note")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> LatestAsync(LedgerConnection ledger, CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(ledger.ConnectionString, ct);
        return await CheckpointLog.LatestAsync(connection, null, ct) is { } latest
            ? TypedResults.Text(latest.Head.ToString(), "text/plain; charset=utf-8")
            : ProblemResults.Status(StatusCodes.Status404NotFound, NoCheckpoint,
                "the ledger has signed no checkpoint yet: run `bsi audit checkpoint --key FILE` or `bsi serve --checkpoint-every 00:05:00`");
    }
}
