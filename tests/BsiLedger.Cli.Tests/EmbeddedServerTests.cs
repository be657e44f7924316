using System.Diagnostics;

namespace BsiLedger.Cli.Tests;

public sealed class EmbeddedServerTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "bsi-cli-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_connection_bsi_runs_its_own_server_keeps_the_data_and_leaves_no_process_behind()
    {
        var enroll = await Bsi.RunAsync(["device", "enroll", "E1", "--platform", "iPadOS", "--os", "26.3.1", "--data-dir", _dataDir, "--telemetry", "none"]);
        Assert.True(enroll.ExitCode == 0, enroll.ToString());

        var show = await Bsi.RunAsync(["device", "show", "E1", "--json", "--data-dir", _dataDir, "--telemetry", "none"]);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Equal("iPadOS", show.Json().GetProperty("platform").GetString());

        Assert.Empty(PostgresProcessesFor(_dataDir));
    }

    private static IEnumerable<int> PostgresProcessesFor(string dataDir) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Where(pid => IsLivePostgresFor(pid!, dataDir))
            .Select(pid => int.Parse(pid!, System.Globalization.CultureInfo.InvariantCulture));

    private static bool IsLivePostgresFor(string pid, string dataDir)
    {
        try
        {
            var status = File.ReadAllText($"/proc/{pid}/status");
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return commandLine.Contains(dataDir, StringComparison.Ordinal) && !status.Contains("State:\tZ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
