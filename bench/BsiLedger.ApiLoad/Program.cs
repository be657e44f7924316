using System.CommandLine;
using BsiLedger.ApiLoad;

return await LoadOptions.Command(LoadRun.ExecuteAsync).Parse(args).InvokeAsync();
