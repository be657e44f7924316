using System.CommandLine;
using BsiLedger.Bench;

// The run handles SIGINT and SIGTERM itself (Interruption), so it can stop the host and delete its data first.
return await BenchOptions.Command(BenchRun.ExecuteAsync)
    .Parse(args)
    .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
