using PuppeteerSharp;

namespace BsiLedger.Testing;

/// <summary>
/// Debian's <c>chromium</c>, found on PATH and started headless for a browser test. Nothing downloads a browser: a
/// machine without the package fails the test saying how to install it, since a test that skipped would pass on the
/// very machine that cannot run it.
/// </summary>
public static class HeadlessChromium
{
    private const string Program = "chromium";

    public static async Task<IBrowser> LaunchAsync()
    {
        var executable = Find() ?? throw new InvalidOperationException(
            $"{Program} is not on PATH: apt-get install --no-install-recommends {Program} (.ci/run does); the browser tests drive the installed browser and never download one");
        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Browser = SupportedBrowser.Chromium,
            HeadlessMode = HeadlessMode.True,
            Args =
            [
                // CI runs as root, where chromium's sandbox refuses to start.
                "--no-sandbox",
                // Host names other than localhost (and the loopback address a served console listens on) resolve to nothing: the browser's own background requests and any
                // page's stray reference stay on this machine.
                "--host-resolver-rules=\"MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1\"",
            ],
        });
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, Program))
            .FirstOrDefault(File.Exists);
}
