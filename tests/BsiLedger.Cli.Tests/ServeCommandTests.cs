using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary><c>bsi serve</c> as a user starts it: tokens from the environment, <c>--urls</c>, and refusals of bad configuration.</summary>
public sealed class ServeCommandTests(PostgresFixture postgres)
{
    private const string OperatorToken = "serve-test-operator-0123456789";

    [Fact]
    public async Task It_serves_on_the_given_url_with_tokens_from_the_environment()
    {
        var url = $"http://127.0.0.1:{FreeTcpPort.Pick()}";
        var device = UniqueIds.Device();
        using var serve = Start(["serve", "--urls", url, "--connection", postgres.ConnectionString, "--telemetry", "none", "--cluster", $"test-{Guid.NewGuid():N}"],
            new Dictionary<string, string> { ["Auth__Tokens__operator"] = OperatorToken });
        try
        {
            await WaitForListeningAsync(serve);
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            using (var health = await client.GetAsync("/health", TestContext.Current.CancellationToken))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            using (var anonymous = await client.GetAsync($"/devices/{device}", TestContext.Current.CancellationToken))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            }

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken);
            using var unknown = await client.GetAsync($"/devices/{device}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData("Auth__Tokens__operator", "too-short", "at least 16 characters")]
    [InlineData("Auth__Tokens__admin", "admin-token-0123456789abcdef", "is not a role")]
    public async Task A_bad_token_configuration_is_exit_2_saying_what_to_fix(string variable, string value, string expected)
    {
        var run = await Bsi.RunAsync(["serve", "--urls", $"http://127.0.0.1:{FreeTcpPort.Pick()}", "--connection", postgres.ConnectionString, "--telemetry", "none"],
            new Dictionary<string, string> { [variable] = value });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Urls_that_are_not_http_addresses_are_exit_2()
    {
        var run = await Bsi.RunAsync(["serve", "--urls", "127.0.0.1:5080", "--connection", postgres.ConnectionString, "--telemetry", "none"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--urls", run.Stderr, StringComparison.Ordinal);
    }

    private static Process Start(IEnumerable<string> args, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bsi.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("BSILEDGER_CONNECTION");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Reads stderr until the server says it listens (or gives up after a minute, failing with what it said).</summary>
    private static async Task WaitForListeningAsync(Process serve)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var said = new System.Text.StringBuilder();
        while (await serve.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            said.AppendLine(line);
            if (line.Contains("listening on", StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"bsi serve stopped before listening (exit {(serve.HasExited ? serve.ExitCode : -1)}):\n{said}");
    }
}
