using System.CommandLine;
using System.CommandLine.Parsing;

namespace BsiLedger.ApiLoad;

/// <summary>One load run: how many devices, how many reports in all, how many requests in flight, where the figures go.</summary>
public sealed record LoadOptions(int Devices, int Reports, int Concurrency, string OutFile)
{
    private static readonly Option<int> DevicesOption = new("--devices")
    {
        Description = "Devices enrolled before the timed phase; each reports with its own device token",
        DefaultValueFactory = _ => 2_000,
    };

    private static readonly Option<int> ReportsOption = new("--reports")
    {
        Description = "Device reports in the timed phase, spread over the devices: each installs, applies, then checks in",
        DefaultValueFactory = _ => 20_000,
    };

    private static readonly Option<int> ConcurrencyOption = new("--concurrency")
    {
        Description = "Requests in flight at once",
        DefaultValueFactory = _ => 32,
    };

    private static readonly Option<string> Out = new("--out")
    {
        Description = "Where the figures are written as JSON",
        DefaultValueFactory = _ => Path.Combine("bench", "results", "api-load.json"),
    };

    public static RootCommand Command(Func<LoadOptions, Task<int>> run)
    {
        var root = new RootCommand("Starts bsi serve on a private embedded PostgreSQL and drives device reports at it over loopback from this process: throughput, latency percentiles and status counts, against bare HTTP round trips to /health measured in the same run")
        {
            DevicesOption, ReportsOption, ConcurrencyOption, Out,
        };
        foreach (var option in new[] { DevicesOption, ReportsOption, ConcurrencyOption })
        {
            option.Validators.Add(result => RequirePositive(result, option));
        }

        root.SetAction(parse => run(new LoadOptions(
            parse.GetValue(DevicesOption), parse.GetValue(ReportsOption), parse.GetValue(ConcurrencyOption), parse.GetValue(Out)!)));
        return root;
    }

    private static void RequirePositive(OptionResult result, Option<int> option)
    {
        if (result.GetValueOrDefault<int>() < 1)
        {
            result.AddError($"{option.Name} must be at least 1");
        }
    }
}
