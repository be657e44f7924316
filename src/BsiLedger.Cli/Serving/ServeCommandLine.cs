using System.CommandLine;
using BsiLedger.Api;
using BsiLedger.Api.Auth;
using BsiLedger.Api.Checkpoints;
using BsiLedger.Cli.Audit;
using BsiLedger.Cli.Cluster;
using BsiLedger.Cli.Hosting;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Grains.Fleet;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;
using BsiLedger.Operations.Input;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Cli.Serving;

/// <summary>
/// <c>bsi serve [--urls URL] [--cluster ID] [--silo-port P] [--gateway-port G] [--advertise ADDRESS]</c>: a silo of the
/// cluster registered in the ledger's database and the HTTP API in one process, until Ctrl+C or SIGTERM (docs/api.md).
/// </summary>
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
        var siloPort = PortOption("--silo-port", "Port for silo-to-silo traffic (default: a free one, recorded in the membership table); give one when a firewall must know it");
        var gatewayPort = PortOption("--gateway-port", "Port bsi clients connect to (default: a free one, recorded in the membership table); give one when a firewall must know it");
        var advertise = new Option<string?>("--advertise")
        {
            Description = "The IP address other silos and clients reach this one at (default: 127.0.0.1 for an embedded or local database, else this machine's address on the way to the database)",
        };
        var checkpointEvery = new Option<TimeSpan?>("--checkpoint-every")
        {
            Description = $"Sign a checkpoint this often (wall time), e.g. 00:05:00, with --checkpoint-key or ${AuditCheckpoint.KeyVariable}; GET /audit/checkpoints/latest serves the last one",
        };
        checkpointEvery.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<TimeSpan?>() is { } every && every <= TimeSpan.Zero)
            {
                result.AddError("--checkpoint-every must be longer than zero, e.g. 00:05:00");
            }
        });
        var checkpointKey = new Option<string?>("--checkpoint-key") { Description = $"The signing key for --checkpoint-every (ledger.key from `bsi audit keygen`); defaults to ${AuditCheckpoint.KeyVariable}" };
        var command = new Command("serve", "Host a silo of the ledger's cluster and the HTTP API until stopped: releases, device reports and audit queries as JSON, behind bearer tokens per role")
        {
            urls, advanceEvery, siloPort, gatewayPort, advertise, checkpointEvery, checkpointKey,
        };
        runner.RegisterStandalone(command, parse =>
        {
            var listen = Urls(parse.GetValue(urls));
            var fleet = new FleetOptions { AdvanceEvery = parse.GetValue(advanceEvery) };
            var advertised = parse.GetValue(advertise) is { } given ? SiloEndpoints.ParseAdvertise(given) : null;
            var checkpoints = parse.GetValue(checkpointEvery) is { } every
                ? new CheckpointSchedule(AuditCheckpoint.SigningKey(parse.GetValue(checkpointKey)), every)
                : parse.GetValue(checkpointKey) is not null
                    ? throw new UsageException("--checkpoint-key is the key for --checkpoint-every: give both, e.g. --checkpoint-every 00:05:00 --checkpoint-key ledger.key")
                    : null;
            return async (settings, _, ct) =>
            {
                using var signingKey = checkpoints?.Key;
                var endpoints = SiloEndpoints.Resolve(
                    settings.Cluster, advertised ?? SiloEndpoints.DefaultAdvertise(settings.ExplicitConnection), parse.GetValue(siloPort), parse.GetValue(gatewayPort));
                await using var database = await LedgerDatabase.OpenAsync(settings, ct, hostStopsOnSignal: true);
                // A long-lived silo runs the read models' daemon itself and fires the rollout reminders that fall to it.
                var ledger = LedgerDatabase.WithinBudget(new LedgerHostOptions(database.ConnectionString)
                {
                    Cluster = endpoints,
                    Telemetry = settings.Telemetry,
                    RunsProjections = true,
                    FiresReminders = true,
                    Fleet = fleet,
                    Journal = settings.JournalWaitingAtMost(ServeOptions.DefaultOutageTolerance),
                });
                await ConnectionBudgetCheck.EnsureFitsAsync(ledger.ConnectionString, ct, alongside: ClusterPool.Size);
                await using var app = ApiServer.Build(new ServeOptions(ledger, listen) { Checkpoints = checkpoints });
                await app.StartAsync(ct);
                var roles = app.Services.GetRequiredService<AuthTokens>().ConfiguredRoles;
                await Console.Error.WriteLineAsync($"bsi serve: silo {endpoints.Advertise}:{endpoints.SiloPort} (gateway port {endpoints.GatewayPort}) in cluster {endpoints.ClusterId}; "
                    + $"listening on {string.Join(", ", app.Urls)}; "
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

    private static Option<int?> PortOption(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } port and (< 1 or > 65535))
            {
                result.AddError($"{name} must be a TCP port from 1 to 65535, e.g. {name} 11111");
            }
        });
        return option;
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
