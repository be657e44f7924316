using System.Runtime.Versioning;
using System.Text.Json;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// Root in a home directory: bsi runs PostgreSQL as 'postgres', who cannot traverse a 0700 directory (as /root), so the
/// data directory's files are kept elsewhere and every command naming it finds them.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RootDataDirectoryTests : IDisposable
{
    private readonly string _private = Path.Combine("/tmp", "bsi-cli-root-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        if (!Directory.Exists(_private))
        {
            return;
        }

        // The relocated files live outside the test's own directory: each pointer names them.
        foreach (var pointer in Directory.EnumerateFiles(_private, "relocated", SearchOption.AllDirectories))
        {
            var relocated = File.ReadLines(pointer).First();
            if (relocated.StartsWith("/var/lib/bsiledger/", StringComparison.Ordinal) && Directory.Exists(relocated))
            {
                Directory.Delete(relocated, recursive: true);
            }
        }

        Directory.Delete(_private, recursive: true);
    }

    [Fact]
    public async Task A_data_dir_postgres_cannot_reach_works_and_the_first_command_says_where_its_files_went()
    {
        var dataDir = PrivateDirectory("ledger");

        var enroll = await Bsi.RunAsync(["device", "enroll", "R1", "--platform", "iOS", "--os", "26.3.1", "--data-dir", dataDir, "--telemetry", "none"]);
        var show = await Bsi.RunAsync(["device", "show", "R1", "--json", "--data-dir", dataDir, "--telemetry", "none"]);

        Assert.True(enroll.ExitCode == 0, enroll.ToString());
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Equal("iOS", show.Json().GetProperty("platform").GetString());
        var relocated = File.ReadLines(Path.Combine(dataDir, "relocated")).First();
        Assert.Contains($"notice: bsi keeps the PostgreSQL files of {dataDir} in {relocated}", enroll.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("notice:", show.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_finds_the_ledger_simulate_kept_for_an_out_dir_postgres_cannot_reach()
    {
        var output = PrivateDirectory("report");

        var simulate = await Bsi.RunAsync(["simulate", "--devices", "200", "--seed", "7", "--out", output, "--json", "--telemetry", "none"]);
        var verify = await Bsi.RunAsync(["audit", "verify", "--json", "--data-dir", Path.Combine(output, "ledger"), "--telemetry", "none"]);

        Assert.True(simulate.ExitCode == 0, simulate.ToString());
        Assert.True(verify.ExitCode == 0, verify.ToString());
        var appended = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), TestContext.Current.CancellationToken))
            .RootElement.GetProperty("eventsAppended").GetInt64();
        Assert.True(appended > 0);
        Assert.Equal(appended, verify.Json().GetProperty("events").GetInt64());
    }

    /// <summary>A path inside a directory of mode 0700, after skipping unless this runs as root.</summary>
    private string PrivateDirectory(string name)
    {
        Assert.SkipUnless(Environment.UserName == "root", "bsi moves a data directory's files only when it runs as root");
        Directory.CreateDirectory(_private, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Path.Combine(_private, name);
    }
}
