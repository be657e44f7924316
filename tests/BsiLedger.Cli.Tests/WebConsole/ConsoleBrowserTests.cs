using System.Net.Http.Json;
using System.Text.Json;
using BsiLedger.Cli.Tests.Serving;
using BsiLedger.Domain.Releases;
using BsiLedger.Testing;
using PuppeteerSharp;
using PuppeteerSharp.Input;

namespace BsiLedger.Cli.Tests.WebConsole;

/// <summary>
/// <c>/console/</c> of a real <c>bsi serve</c> in headless chromium, used as its people use it: an operator watches a
/// rollout advance a wave without reloading, pauses it from the keyboard, is stopped from recalling without a reason,
/// sees the page say the server went away and come back, then recalls it with a reason and a confirmation; an auditor
/// finds no command and is refused one forced, reads a device's history, exposure and what it ran at an instant, and a
/// wrong token signs nobody in. Screenshots go to <c>TestResults/screenshots/</c>.
/// </summary>
public sealed class ConsoleBrowserTests(PostgresFixture postgres)
{
    private const int PhoneWidth = 390;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_sees_a_wave_advance_live_pauses_it_by_keyboard_rides_out_a_restart_and_recalls_only_with_a_reason()
    {
        var database = await postgres.CreateDatabaseAsync();
        var first = await ServedBsi.StartAsync(database, Tick);
        var second = (ServedBsi?)null;
        try
        {
            var rollout = await ConsoleRollout.PlanAsync(first.Http, canarySoak: "8s");
            await using var browser = await HeadlessChromium.LaunchAsync();
            await using var page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 800 });
            var requests = PageRequests.Watch(page);
            await SignInAsync(page, first, ServedBsi.OperatorToken);

            Assert.EndsWith("/console/", page.Url, StringComparison.Ordinal);
            await WaitForTextAsync(page, "#release-list", rollout.Id);
            await page.ScreenshotAsync(Screenshots.PathOf("console-releases-1280x800.png"), new ScreenshotOptions { FullPage = true });

            await page.ClickAsync($"xpath/.//a[normalize-space()='{rollout.Id}']");
            await WaitForTextAsync(page, "#release-summary", "planned");
            // Marks this page load: still there after the rollout started and its wave advanced, nothing reloaded the page.
            await page.EvaluateExpressionAsync("window.sameLoad = true");
            await rollout.StartAsync(first.Http);
            await WaitForTextAsync(page, "#release-summary", "1 of 2");
            await WaitForTextAsync(page, "#release-summary", "2 of 2");
            Assert.True(await page.EvaluateExpressionAsync<bool>("window.sameLoad === true"));
            await WaitForSelectorAsync(page, "#release-charts figure svg path.adoption");
            Assert.Contains("H", await page.EvaluateExpressionAsync<string>("document.querySelector('path.adoption').getAttribute('d')"), StringComparison.Ordinal);
            await page.ScreenshotAsync(Screenshots.PathOf("console-release-1280x800.png"), new ScreenshotOptions { FullPage = true });

            await page.Keyboard.PressAsync(Key.Tab);
            Assert.Equal("Skip to the page's content", await ActiveTextAsync(page));
            await TabToAsync(page, "Pause");
            await page.Keyboard.PressAsync(Key.Enter);
            await UntilAsync(async () => (await rollout.ReadAsync(first.Http)).GetProperty("phase").GetString() == "paused", "the rollout paused");
            await WaitForTextAsync(page, "#release-summary", "paused");

            await page.ClickAsync("xpath/.//button[normalize-space()='Recall…']");
            await page.ClickAsync("xpath/.//button[normalize-space()='Recall it']");
            await WaitForTextAsync(page, "#recall-error", "A recall needs a reason");
            Assert.True(await page.EvaluateExpressionAsync<bool>("document.querySelector('dialog').open"));
            await page.Keyboard.PressAsync(Key.Escape);
            Assert.Equal(JsonValueKind.Null, (await rollout.ReadAsync(first.Http)).GetProperty("recall").ValueKind);

            // A mobile viewport reloads the page.
            await page.SetViewportAsync(new ViewPortOptions { Width = PhoneWidth, Height = 844, IsMobile = true });
            await WaitForSelectorAsync(page, "#release-charts figure svg path.adoption");
            await page.ScreenshotAsync(Screenshots.PathOf("console-release-390x844.png"), new ScreenshotOptions { FullPage = true });
            await AssertFitsPhoneAsync(page);

            first.Kill();
            await WaitForTextAsync(page, "#connection", "cannot be reached");
            await page.ScreenshotAsync(Screenshots.PathOf("console-release-unreachable-390x844.png"));
            second = await ServedBsi.StartAtAsync(first, database, Tick);
            await WaitForTextAsync(page, "#connection", "answers again");
            await WaitForTextAsync(page, "#release-summary", "paused");

            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 800 });
            await page.ClickAsync("xpath/.//button[normalize-space()='Recall…']");
            await page.TypeAsync("#recall-reason", "breaks sign-in pages");
            await page.ClickAsync("#recall-understood");
            await page.ClickAsync("xpath/.//button[normalize-space()='Recall it']");
            await UntilAsync(async () => (await rollout.ReadAsync(second.Http)).GetProperty("recall").ValueKind == JsonValueKind.Object, "the release recalled");
            Assert.Equal("breaks sign-in pages", (await rollout.ReadAsync(second.Http)).GetProperty("recall").GetProperty("reason").GetString());
            await WaitForSelectorAsync(page, "#release-charts figure svg path.pending");
            await page.ScreenshotAsync(Screenshots.PathOf("console-release-recalled-1280x800.png"), new ScreenshotOptions { FullPage = true });

            var origin = first.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);
            Assert.All(requests.Urls, url => Assert.True(url.StartsWith(origin, StringComparison.Ordinal), $"the page requested {url}"));
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task An_auditor_finds_no_command_is_refused_one_forced_and_reads_a_devices_history_exposure_and_past_and_a_wrong_token_signs_nobody_in()
    {
        await using var served = await ServedBsi.StartAsync(await postgres.CreateDatabaseAsync(), Tick);
        var rollout = await ConsoleRollout.PlanAsync(served.Http, canarySoak: "1h");
        await rollout.StartAsync(served.Http);
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 800 });

        await page.GoToAsync(new Uri(served.Http.BaseAddress!, "/console/signin").AbsoluteUri);
        await page.TypeAsync("input[name=token]", "not-a-token-of-this-server");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("button[type=submit]"));
        Assert.Contains("not accepted", await page.EvaluateExpressionAsync<string>("document.body.innerText"), StringComparison.Ordinal);
        Assert.Empty(await page.GetCookiesAsync());

        await SignInAsync(page, served, ServedBsi.AuditorToken);
        await page.GoToAsync(new Uri(served.Http.BaseAddress!, ConsoleRollout.PagePath(rollout.Id)).AbsoluteUri);
        await WaitForTextAsync(page, "#release-summary", "1 of 2");
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('main button').length"));
        var forced = await page.EvaluateFunctionAsync<int>(
            "async path => (await fetch(path, { method: 'POST', headers: { 'X-BsiLedger-Console': '1' }, credentials: 'same-origin' })).status",
            $"/releases/{Uri.EscapeDataString(rollout.Id)}/pause");
        Assert.Equal(403, forced);
        Assert.Equal("running", (await rollout.ReadAsync(served.Http)).GetProperty("phase").GetString());

        await page.GoToAsync(new Uri(served.Http.BaseAddress!, $"/console/devices/{Uri.EscapeDataString(rollout.Installer)}").AbsoluteUri);
        await WaitForTextAsync(page, "#device-history", "bsi.bsi-applied");
        var history = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#device-history tbody tr td:nth-child(3)')].map(td => td.textContent)");
        Assert.Equal(["bsi.device-enrolled", "bsi.bsi-installed", "bsi.bsi-applied"], history);
        await WaitForTextAsync(page, "#device-state", rollout.Id);
        await WaitForTextAsync(page, "#device-exposure", "still running");

        var events = (await served.Http.GetFromJsonAsync<JsonElement>($"/audit/devices/{Uri.EscapeDataString(rollout.Installer)}/history", Ct)).GetProperty("events");
        var applied = events.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "bsi.bsi-applied").GetProperty("at").GetDateTimeOffset();
        await AskWhatItRanAsync(page, applied.AddSeconds(1));
        await WaitForTextAsync(page, "#device-at", rollout.Id);
        await AskWhatItRanAsync(page, events[0].GetProperty("at").GetDateTimeOffset().AddMinutes(-1));
        await WaitForTextAsync(page, "#device-at", "Not enrolled yet");
        await page.ScreenshotAsync(Screenshots.PathOf("console-device-1280x800.png"), new ScreenshotOptions { FullPage = true });

        await page.SetViewportAsync(new ViewPortOptions { Width = PhoneWidth, Height = 844, IsMobile = true });
        await WaitForTextAsync(page, "#device-history", "bsi.bsi-applied");
        await page.ScreenshotAsync(Screenshots.PathOf("console-device-390x844.png"), new ScreenshotOptions { FullPage = true });
        await AssertFitsPhoneAsync(page);
    }

    /// <summary>
    /// The page is no wider than the phone: wide tables and charts scroll inside their own box. Measured against the
    /// width set, not the window's: a mobile browser widens its layout viewport to fit content that overflows.
    /// </summary>
    private static async Task AssertFitsPhoneAsync(IPage page)
    {
        var width = await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"at phone width ({PhoneWidth}px) the page at {page.Url} is {width}px wide");
    }

    /// <summary>The device page's instant form, in UTC to the second, as a person fills it in.</summary>
    private static async Task AskWhatItRanAsync(IPage page, DateTimeOffset instant)
    {
        var value = instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        await page.EvaluateFunctionAsync("value => { document.querySelector('input[name=instant]').value = value; }", value);
        await page.ClickAsync("xpath/.//button[normalize-space()='Show what it ran']");
    }

    private static async Task SignInAsync(IPage page, ServedBsi served, string token)
    {
        await page.GoToAsync(new Uri(served.Http.BaseAddress!, "/console/signin").AbsoluteUri);
        await page.TypeAsync("input[name=token]", token);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("button[type=submit]"));
        var cookies = await page.GetCookiesAsync();
        Assert.True(cookies.Any(cookie => cookie is { Name: "bsi-console", HttpOnly: true }),
            $"no console cookie after signing in; at {page.Url}: {await page.EvaluateExpressionAsync<string>("document.body.innerText")}");
    }

    private static async Task WaitForTextAsync(IPage page, string selector, string text) =>
        await page.WaitForFunctionAsync(
            "(selector, text) => document.querySelector(selector)?.innerText.includes(text)",
            new WaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 },
            selector, text);

    private static async Task WaitForSelectorAsync(IPage page, string selector) =>
        await page.WaitForSelectorAsync(selector, new WaitForSelectorOptions { Timeout = 30_000 });

    private static Task<string> ActiveTextAsync(IPage page) =>
        page.EvaluateExpressionAsync<string>("document.activeElement.textContent.trim()");

    /// <summary>Tabs through the page until <paramref name="text"/> has the focus, as a keyboard user reaches it.</summary>
    private static async Task TabToAsync(IPage page, string text)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await ActiveTextAsync(page) == text)
            {
                return;
            }

            await page.Keyboard.PressAsync(Key.Tab);
        }

        Assert.Fail($"Tab never reached '{text}'");
    }

    private static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"not within 30 s: {what}");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>
    /// A release of a line of its own for 40 devices, planned in two waves (half, then all after <c>canarySoak</c>),
    /// the second soaking an hour so the rollout is still running when the test pauses it. Once started, one device of
    /// the first wave installs and applies it and another fails, so the page has an adoption and a failure rate.
    /// </summary>
    private sealed record ConsoleRollout(string Id, string Installer, string Failer)
    {
        private static readonly string[] Components = ["WebKit"];

        private string Path => $"/releases/{Uri.EscapeDataString(Id)}";

        public static string PagePath(string id) => $"/console/releases/{Uri.EscapeDataString(id)}";

        public static async Task<ConsoleRollout> PlanAsync(HttpClient http, string canarySoak)
        {
            var line = UniqueIds.BaseVersion();
            var release = ReleaseId.Parse($"iOS {line} (a)");
            var fleet = Enumerable.Range(0, 40).Select(i => $"console-{line}-{i:D2}").ToList();
            foreach (var device in fleet)
            {
                await CommandAsync(http, "/devices", new { id = device, platform = "iOS", os = line });
            }

            var rollout = new ConsoleRollout(release.ToString(), "", "");
            await CommandAsync(http, "/releases", new { id = rollout.Id, components = Components });
            await CommandAsync(http, $"{rollout.Path}/plan", new
            {
                waves = new[] { new { share = 0.5, soak = canarySoak, failureThreshold = 0.5 }, new { share = 1.0, soak = "1h", failureThreshold = 0.2 } },
                minSample = 10,
            });
            var canary = fleet.Where(d => Cohort.Position(release, d) < 0.5).ToList();
            return rollout with { Installer = canary[0], Failer = canary[1] };
        }

        public async Task StartAsync(HttpClient http)
        {
            await CommandAsync(http, $"{Path}/start", new { });
            await CommandAsync(http, $"/devices/{Installer}/install", new { release = Id });
            await CommandAsync(http, $"/devices/{Installer}/apply", new { release = Id });
            await CommandAsync(http, $"/devices/{Failer}/fail", new { release = Id, reason = "personalisation failed" });
        }

        public async Task<JsonElement> ReadAsync(HttpClient http) =>
            await http.GetFromJsonAsync<JsonElement>(Path, Ct);

        private static async Task CommandAsync(HttpClient http, string path, object body)
        {
            using var response = await http.PostAsJsonAsync(path, body, Ct);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }
}
