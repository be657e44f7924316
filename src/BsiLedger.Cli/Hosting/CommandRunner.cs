using System.CommandLine;
using BsiLedger.Cli.Output;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Grains.Commands;
using BsiLedger.Operations.Input;
using Npgsql;

namespace BsiLedger.Cli.Hosting;

/// <summary>
/// Runs one command's body inside a ledger session and turns every way it can end into the contract's
/// exit code: input is checked before anything starts, so bad input never touches the database.
/// </summary>
public sealed class CommandRunner(TextWriter stdout, TextWriter stderr)
{
    private const string AuthenticationHint =
        $"authentication failed: check the user name, password, database and SSL Mode in --connection or ${LedgerSettings.ConnectionVariable}";

    /// <summary>Where a command reports a refusal or an error: never the result's stdout.</summary>
    public TextWriter Stderr => stderr;

    public delegate Task<int> Body(LedgerSession ledger, ResultWriter output, CancellationToken ct);

    /// <summary>
    /// <paramref name="prepare"/> reads and validates the input (throwing <see cref="UsageException"/>)
    /// and returns the body to run against the ledger.
    /// </summary>
    public void Register(Command command, Func<ParseResult, Body> prepare, bool withSilo = true) =>
        RegisterStandalone(command, parse =>
        {
            var body = prepare(parse);
            return async (settings, output, ct) =>
            {
                await using var ledger = await LedgerSession.OpenAsync(settings, withSilo, ct);
                return await CommandSpan.RunAsync(parse, () => body(ledger, output, ct));
            };
        });

    /// <summary>For a command that starts its own ledger (a simulation): the same input checks and exit codes.</summary>
    public void RegisterStandalone(Command command, Func<ParseResult, Func<LedgerSettings, ResultWriter, CancellationToken, Task<int>>> prepare) =>
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var settings = GlobalOptions.Read(parse);
                var body = prepare(parse);
                return await body(settings, new ResultWriter(stdout, settings.Json), ct);
            }
            catch (UsageException e)
            {
                await stderr.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception e)
            {
                // Everything that is neither bad input nor a rule's refusal (those are results, not exceptions).
                await stderr.WriteLineAsync($"infrastructure error: {Describe(e)}");
                return ExitCodes.Infrastructure;
            }
        });

    private static string Describe(Exception e) => e switch
    {
        // Before the arm below: the database is reachable, the statements Npgsql prepared are what a pooler lost.
        JournalUnavailableException or NpgsqlException when AutoPrepareBehindPooler.Explains(e) =>
            $"{e.Message} ({AutoPrepareBehindPooler.Hint}; the connection string is --connection or ${LedgerSettings.ConnectionVariable})",
        // The server answered, so "is it reachable?" would send the user looking in the wrong place.
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            $"{e.Message} ({AuthenticationHint})",
        // Npgsql's own refusal, before the server is asked: the connection string has no Password=.
        NpgsqlException when e.Message.StartsWith("No password has been provided", StringComparison.Ordinal) =>
            $"{e.Message} ({AuthenticationHint})",
        JournalUnavailableException or NpgsqlException or System.Net.Sockets.SocketException =>
            $"{e.Message} (is the database reachable? check --connection or ${LedgerSettings.ConnectionVariable})",
        EmbeddedPostgresException or PostgresBinariesNotFoundException or ConcurrencyRetriesExhaustedException or ConnectionBudgetExceededException
            or Chaos.SiloStartException or Chaos.ChaosApiException
            or Serving.PortInUseException or Host.Cluster.OrleansSchemaVersionException => e.Message,
        { InnerException: { } inner } when e is not UsageException => $"{e.Message}: {Describe(inner)}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
