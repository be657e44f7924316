using BsiLedger.Api.Checkpoints;
using BsiLedger.Host;

namespace BsiLedger.Api;

/// <summary>What <c>bsi serve</c> starts: the ledger's host, listening for HTTP on <paramref name="Urls"/>.</summary>
/// <param name="Urls">Where to listen, e.g. <c>http://127.0.0.1:5080</c> (semicolon-separated for several).</param>
public sealed record ServeOptions(LedgerHostOptions Ledger, string Urls)
{
    /// <summary>
    /// How long a request waits out a database outage before answering 503: short, because a device or an operator's
    /// script retries a 503 better than it waits a minute, and the rollout timer tries again on its next step anyway.
    /// </summary>
    public static readonly TimeSpan DefaultOutageTolerance = TimeSpan.FromSeconds(5);

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Request bodies are small JSON documents; anything larger is refused before it is read.</summary>
    public long MaxRequestBodyBytes { get; init; } = 16 * 1024;

    /// <summary>When set, the server signs a checkpoint on this schedule (<c>--checkpoint-every</c>).</summary>
    public CheckpointSchedule? Checkpoints { get; init; }

    /// <summary>Configuration over the environment's (tests set tokens here); <c>Auth:Tokens:&lt;role&gt;</c> among them.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();
}
