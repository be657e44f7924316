using BsiLedger.Bench;

return await BenchOptions.Command(BenchRun.ExecuteAsync).Parse(args).InvokeAsync();
