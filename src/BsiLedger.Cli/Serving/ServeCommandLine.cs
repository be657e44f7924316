using System.CommandLine;
using BsiLedger.Api;
using BsiLedger.Api.Auth;
using BsiLedger.Cli.Hosting;
using BsiLedger.Grains.Fleet;
using BsiLedger.Host;
using BsiLedger.Operations.Input;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Cli.Serving;

/// <summary><c>bsi serve [--urls URL]</c>: the silo and the HTTP API in one process, until Ctrl+C or SIGTERM (docs/api.md).</summary>
public static class ServeCommandLine
{
    public static Command Build(CommandRunner runner)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, e.g. {ServeOptions.DefaultUrls} (several separated by ';'); tokens per role come from Auth__Tokens__<role>",
            DefaultValueFactory = _ => ServeOptions.DefaultUrls,
        };
        var advanceEvery = new Option<TimeSpan>("--advance-every")
        {
            Description = "How often (wall time) a running rollout or open recall takes its due steps by itself, e.g. 00:00:30",
            DefaultValueFactory = _ => FleetOptions.DefaultAdvanceEvery,
        };
        advanceEvery.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<TimeSpan>() <= TimeSpan.Zero)
            {
                result.AddError("--advance-every must be longer than zero, e.g. 00:00:30");
            }
        });
        var command = new Command("serve", "Host the silo and the HTTP API until stopped: releases, device reports and audit queries as JSON, behind bearer tokens per role")
        {
            urls, advanceEvery,
        };
        runner.RegisterStandalone(command, parse =>
        {
            var listen = Urls(parse.GetValue(urls));
            var fleet = new FleetOptions { AdvanceEvery = parse.GetValue(advanceEvery) };
            return async (settings, _, ct) =>
            {
                await using var database = await LedgerDatabase.OpenAsync(settings, ct);
                await database.EnsureBudgetFitsAsync(ct);
                // A long-lived silo runs the read models' daemon itself and fires the rollout reminders that fall to it.
                var ledger = new LedgerHostOptions(database.ConnectionString)
                {
                    Telemetry = settings.Telemetry,
                    RunsProjections = true,
                    FiresReminders = true,
                    Fleet = fleet,
                    Journal = settings.JournalWaitingAtMost(ServeOptions.DefaultOutageTolerance),
                };
                await using var app = ApiServer.Build(new ServeOptions(ledger, listen));
                await app.StartAsync(ct);
                var roles = app.Services.GetRequiredService<AuthTokens>().ConfiguredRoles;
                await Console.Error.WriteLineAsync($"bsi serve: listening on {string.Join(", ", app.Urls)}; "
                    + (roles.Count > 0
                        ? $"roles with a token: {string.Join(", ", roles)}"
                        : $"no role has a token, so only /health answers: set {AuthTokens.Section.Replace(":", "__", StringComparison.Ordinal)}__<role>"));
                await app.WaitForShutdownAsync(ct);
                await app.StopAsync(CancellationToken.None);
                return ExitCodes.Done;
            };
        });
        return command;
    }

    private static string Urls(string? text)
    {
        var urls = (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bad = urls.FirstOrDefault(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"));
        if (urls.Length == 0 || bad is not null)
        {
            throw new UsageException($"--urls: '{bad ?? text}' is not an http:// or https:// address: expected e.g. --urls {ServeOptions.DefaultUrls}");
        }

        return string.Join(';', urls);
    }
}
