using Npgsql;

namespace BsiLedger.Bench;

/// <summary>
/// One run: one database, an untimed warm-up, then the phases one after another (each grain-path run in a host of
/// its own, stopped before the next starts), then the figures; everything started is stopped again.
/// </summary>
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
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var batchedPhase = GrainPathPhase.Batched(runId, 1);
        var baselinePhase = GrainPathPhase.Baseline(runId, options.Concurrency);
        await Console.Error.WriteLineAsync($"run {runId}: {options.Devices} devices, {options.Concurrency} in flight, {database.Description}");

        await GrainPathPhase.WarmUp(runId).RunAsync(database.ConnectionString, options.Devices, options.Concurrency, ct);
        // Short, so run twice (at the start and at the end of the grain-path phases) over four times the devices.
        var withoutJournal = await GrainPathPhase.WithoutJournal(runId, 1).RunAsync(database.ConnectionString, options.Devices * 4, options.Concurrency, ct);
        // Chained and unchained in the order A B B A, so a drift over the run (the tables growing, the machine
        // warming) weighs on both alike.
        var batched = await batchedPhase.RunAsync(database.ConnectionString, options.Devices, options.Concurrency, ct);
        var traced = options.Traced ? await GrainPathPhase.Traced(runId).RunAsync(database.ConnectionString, options.Devices, options.Concurrency, ct) : null;
        var unchained = await GrainPathPhase.Unchained(runId, 1).RunAsync(database.ConnectionString, options.Devices, options.Concurrency, ct);
        unchained = unchained.With(await GrainPathPhase.Unchained(runId, 2).RunAsync(database.ConnectionString, options.Devices, options.Concurrency, ct));
        var copy = await new CopyCeilingPhase(dataSource, runId).RunAsync(batchedPhase, batched, ct);
        batched = batched.With(await GrainPathPhase.Batched(runId, 2).RunAsync(database.ConnectionString, options.Devices, options.Concurrency, ct));
        withoutJournal = withoutJournal.With(await GrainPathPhase.WithoutJournal(runId, 2).RunAsync(database.ConnectionString, options.Devices * 4, options.Concurrency, ct));
        var baseline = await baselinePhase.RunAsync(database.ConnectionString, options.Devices, options.Concurrency, ct);

        var report = BenchReport.Create(options, batched, traced, unchained, baseline, copy, withoutJournal, database.Description, await MachineInfo.ReadAsync(dataSource, ct));
        ResultTable.Write(Console.Out, report);
        await report.WriteAsync(options.OutFile, ct);
        Console.WriteLine($"Figures written to {options.OutFile}.");
        return 0;
    }
}
