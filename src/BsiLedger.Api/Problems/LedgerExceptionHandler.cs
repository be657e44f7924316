using System.Net.Sockets;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;
using BsiLedger.Operations.Input;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BsiLedger.Api.Problems;

/// <summary>
/// What the CLI turns into exit codes 2 and 3, as problem details: bad input is 400 naming the field, an unreachable
/// database or exhausted conflict retries 503 (retry later; nothing acknowledged was lost), anything else 500.
/// </summary>
public sealed class LedgerExceptionHandler(ILogger<LedgerExceptionHandler> logger) : IExceptionHandler
{
    public const string Unavailable = "LedgerUnavailable";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer, and nothing failed on our side.
            return true;
        }

        var result = exception switch
        {
            InvalidFieldException e => ProblemResults.InvalidField(e.Field, e.Message),
            UsageException e => ProblemResults.Status(StatusCodes.Status400BadRequest, ProblemResults.BadInput, e.Message),
            _ when Chain(exception).FirstOrDefault(IsUnavailable) is { } cause => Retry(httpContext, cause),
            _ => null,
        };
        if (result is null)
        {
            logger.LogError(exception, "unexpected failure of {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            result = ProblemResults.Status(StatusCodes.Status500InternalServerError, "InternalError", "the server failed unexpectedly; its log has the details");
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static IResult Retry(HttpContext context, Exception cause)
    {
        context.Response.Headers.RetryAfter = "5";
        return ProblemResults.Status(StatusCodes.Status503ServiceUnavailable, Unavailable,
            $"the ledger's database cannot be reached or keeps conflicting; retry later ({cause.GetType().Name})");
    }

    private static bool IsUnavailable(Exception e) =>
        e is JournalUnavailableException or NpgsqlException or SocketException or ConcurrencyRetriesExhaustedException or TimeoutException
            or SiloUnavailableException or OrleansMessageRejectionException;

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
