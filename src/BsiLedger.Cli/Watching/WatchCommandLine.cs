using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using BsiLedger.Api;
using BsiLedger.Cli.Hosting;
using BsiLedger.Operations;
using BsiLedger.Operations.Input;
using Spectre.Console;

namespace BsiLedger.Cli.Watching;

/// <summary>
/// <c>bsi watch RELEASE</c>: a running <c>bsi serve</c>'s view of one rollout, redrawn every second (waves, rates, the
/// failure rate against its threshold, recall progress) until the rollout settles or Ctrl+C.
/// </summary>
public static class WatchCommandLine
{
    public const string TokenVariable = "BSILEDGER_TOKEN";

    public static Command Build(CommandRunner runner)
    {
        var release = new Argument<string>("release") { Description = "The release, e.g. \"iOS 26.3.1 (a)\"" };
        var url = new Option<string>("--url")
        {
            Description = "Where bsi serve listens",
            DefaultValueFactory = _ => ServeOptions.DefaultUrls,
        };
        var token = new Option<string?>("--token")
        {
            Description = $"An sre or operator token (an auditor's shows no rates); defaults to ${TokenVariable}",
        };
        var every = new Option<TimeSpan>("--every")
        {
            Description = "How often to look, e.g. 00:00:01",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(1),
        };
        var command = new Command("watch", "Watch a rollout on a running bsi serve: waves, rates, failure rate against threshold, recall progress; ends when the rollout settles")
        {
            release, url, token, every,
        };
        runner.RegisterStandalone(command, parse =>
        {
            var id = InputParsers.Release(parse.GetValue(release)).ToString();
            var address = Address(parse.GetValue(url));
            var bearer = parse.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable)
                ?? throw new UsageException($"no token: give --token or set ${TokenVariable} (an sre or operator token)");
            var interval = parse.GetValue(every) is { } given && given > TimeSpan.Zero
                ? given
                : throw new UsageException("--every must be longer than zero, e.g. 00:00:01");
            return async (_, output, ct) =>
            {
                using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                try
                {
                    await WatchAsync(new ReleaseWatch(http, id), output, interval, ct);
                    return ExitCodes.Done;
                }
                catch (ReleaseNotServedException e)
                {
                    await Console.Error.WriteLineAsync($"error: {e.Message}");
                    return ExitCodes.Refused;
                }
                catch (HttpRequestException e)
                {
                    await Console.Error.WriteLineAsync($"infrastructure error: could not reach bsi serve at {address}: {e.Message} (is it running? check --url)");
                    return ExitCodes.Infrastructure;
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return ExitCodes.Done;
                }
            };
        });
        return command;
    }

    private static async Task WatchAsync(ReleaseWatch watch, Output.ResultWriter output, TimeSpan interval, CancellationToken ct)
    {
        using var ticks = new PeriodicTimer(interval);
        if (output.Json || Console.IsOutputRedirected)
        {
            do
            {
                var frame = await watch.LookAsync(ct);
                await output.Stdout.WriteLineAsync(output.Json ? Document(frame) : WatchView.Line(frame));
                await output.Stdout.FlushAsync(ct);
                if (frame.IsSettled)
                {
                    return;
                }
            }
            while (await ticks.WaitForNextTickAsync(ct));
            return;
        }

        var first = await watch.LookAsync(ct);
        await output.Terminal.Live(WatchView.Table(first, watch.MetricsReadable)).StartAsync(async live =>
        {
            var frame = first;
            while (!frame.IsSettled && await ticks.WaitForNextTickAsync(ct))
            {
                frame = await watch.LookAsync(ct);
                live.UpdateTarget(WatchView.Table(frame, watch.MetricsReadable));
            }
        });
    }

    private static string Document(WatchFrame frame) => JsonSerializer.Serialize(
        new { at = frame.At, release = frame.Release, rates = frame.Rates, wave = frame.Wave, recallPending = frame.RecallPending },
        LedgerJson.Options).ReplaceLineEndings("");

    private static Uri Address(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--url: '{text}' is not an http:// or https:// address: expected e.g. --url {ServeOptions.DefaultUrls}");
}
