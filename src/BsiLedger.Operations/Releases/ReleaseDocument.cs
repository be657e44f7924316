using System.Text.Json;
using System.Text.Json.Nodes;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Pacing;
using BsiLedger.Grains.Releases;
using BsiLedger.Grains.Releases.Reports;

namespace BsiLedger.Operations.Releases;

/// <summary>
/// A release's rollout as <c>bsi release status --json</c> and <c>GET /releases/{id}</c> answer it: the
/// <see cref="ReleaseReport"/> that <c>bsi simulate</c> writes, with the release's published facts and plan beside it.
/// </summary>
public static class ReleaseDocument
{
    /// <summary>The report's fields, with the published facts, plan, stream version and domain time after <c>phase</c>.</summary>
    public static JsonObject Of(ReleaseSnapshot snapshot)
    {
        var release = snapshot.Release;
        var document = JsonSerializer.SerializeToNode(ReleaseReport.From(snapshot), LedgerJson.Options)!.AsObject();
        var facts = JsonSerializer.SerializeToNode(new
        {
            components = release.Components,
            cves = release.Cves,
            activation = release.Activation,
            supersedes = release.Supersedes?.ToString(),
            plan = release.Plan is { } plan
                ? new
                {
                    minSample = plan.MinSample,
                    waves = plan.Waves.Select(w => new { share = w.Share, soak = Durations.Format(w.Soak), failureThreshold = w.FailureThreshold, pacing = Pacing(w.Pacing) }),
                }
                : null,
            version = snapshot.Version,
            at = snapshot.At,
        }, LedgerJson.Options)!.AsObject();

        var at = document.ContainsKey("phase") ? document.IndexOf("phase") + 1 : document.Count;
        foreach (var (name, value) in facts.ToArray())
        {
            facts.Remove(name);
            if (!document.ContainsKey(name))
            {
                document.Insert(at++, name, value);
            }
        }

        return document;
    }

    /// <summary>A wave's pacing with the fields a plan gives it (the scenario file's names); null for a wave offered at once.</summary>
    private static JsonObject? Pacing(WavePacing? pacing)
    {
        if (pacing is null)
        {
            return null;
        }

        if (pacing.SpreadOver is { } over)
        {
            return new JsonObject { ["spreadOver"] = Durations.Format(over) };
        }

        var fields = new JsonObject { ["ratePerHour"] = pacing.RatePerHour };
        if (pacing is { RampFactor: { } factor, RampEvery: { } every })
        {
            fields["rampFactor"] = factor;
            fields["rampEvery"] = every;
            fields["rampOn"] = pacing.RampOn == RampBasis.Offers ? "offers" : "successes";
        }

        if (pacing.MaxPerHour is { } max)
        {
            fields["maxPerHour"] = max;
        }

        return fields;
    }
}
