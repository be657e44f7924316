using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BsiLedger.Api.OpenApi;

/// <summary>
/// What the document says of each route, beside the route itself: its operationId (the method name a generated client
/// gets), its summary, the JSON document it answers and the problems its own input and rules can bring. The problems
/// every route can answer (401, 403, 500, 503) are declared once, on the groups (<see cref="ApiServer"/>).
/// </summary>
public static class OperationConventions
{
    private const string Json = "application/json";

    /// <summary>A command: it takes <c>Idempotency-Key</c>, answers the outcome, and refuses bad input with 400.</summary>
    public static RouteHandlerBuilder Command(this RouteHandlerBuilder route, string operationId, string summary, params int[] refusals) =>
        route.Query(operationId, summary, [StatusCodes.Status400BadRequest, .. refusals]).WithMetadata(TakesIdempotencyKey.Instance);

    /// <summary>A read (or a command without a key): its answer and the problems it can bring besides the common ones.</summary>
    public static RouteHandlerBuilder Query(this RouteHandlerBuilder route, string operationId, string summary, params int[] refusals)
    {
        route.WithName(operationId).WithSummary(summary).Produces(StatusCodes.Status200OK, contentType: Json);
        foreach (var status in refusals)
        {
            route.ProducesProblem(status);
        }

        return route;
    }

    /// <summary>The problems any route behind a token can answer: no token, a role beyond its rights, a failure, an unreachable database.</summary>
    public static RouteGroupBuilder AnswersCommonProblems(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
