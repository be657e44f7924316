using BsiLedger.EventStore.Journal;
using BsiLedger.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Bench;

/// <summary>One run: database, host, both phases, then the figures; everything started is stopped again.</summary>
public static class BenchRun
{
    public const int Interrupted = 130;

    public static async Task<int> ExecuteAsync(BenchOptions options)
    {
        using var interruption = new Interruption();
        try
        {
            return await RunAsync(options, interruption.Token);
        }
        // The embedded server stops itself on the same signal, so in-flight appends fail rather than cancel.
        catch (Exception) when (interruption.Requested)
        {
            await Console.Error.WriteLineAsync("interrupted: no figures written");
            return Interrupted;
        }
    }

    private static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        await using var database = await BenchDatabase.OpenAsync(options.ExplicitConnection, runId, ct);
        using var host = LedgerHost.Build(new LedgerHostOptions(database.ConnectionString) { Telemetry = TelemetryMode.None });
        await host.StartAsync(ct);
        try
        {
            var clock = host.Services.GetRequiredService<TimeProvider>();
            var grainPath = new GrainPathPhase(host.Services.GetRequiredService<IGrainFactory>(), runId);
            var baseline = new BaselinePhase(host.Services.GetRequiredService<IEventJournal>(), clock, runId);

            await Console.Error.WriteLineAsync($"run {runId}: {options.Devices} devices, {options.Concurrency} in flight, {database.Description}");
            await grainPath.WarmUpAsync();
            await baseline.WarmUpAsync(ct);

            var grainResult = await grainPath.RunAsync(options.Devices, options.Concurrency, ct);
            var baselineResult = await baseline.RunAsync(options.Devices, ct);

            var report = BenchReport.Create(options, grainResult, baselineResult, clock.GetUtcNow());
            ResultTable.Write(Console.Out, report, database.Description);
            await report.WriteAsync(options.OutFile, ct);
            Console.WriteLine($"Figures written to {options.OutFile}.");
            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
