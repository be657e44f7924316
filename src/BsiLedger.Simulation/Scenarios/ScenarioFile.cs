using System.Collections.Immutable;
using System.Text.Json;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>
/// Reads a scenario file (the JSON of DESIGN.md, comments and trailing commas allowed). The document is
/// walked by hand rather than deserialized so that every error names the JSON path of its field, and so
/// that unknown fields are refused: a typo in a scenario must not pass silently.
/// </summary>
public static class ScenarioFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Scenario Parse(string json)
    {
        using var document = Open(json);
        var root = new ScenarioJson(document.RootElement, "").Object("seed", "fleet", "releases", "recall");
        var scenario = new Scenario(
            root.Field("seed").WholeNumber(),
            Fleet(root.Field("fleet")),
            [.. root.Field("releases").Items().Select(Release)],
            root.Optional("recall") is { } recall ? Recall(recall) : null);
        return scenario.Problem() is { } problem ? throw new ScenarioException(problem) : scenario;
    }

    internal static JsonDocument Open(string json)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            // The reader's own message ends with its zero-based position; say it once, counted from 1.
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = cut > 0 ? reason[..cut] : reason;
            throw new ScenarioException($"the scenario is not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} of the line): {reason}", e);
        }
    }

    private static FleetSpec Fleet(ScenarioJson json)
    {
        var fleet = json.Object("devices", "mix", "autoInstallOff", "managed", "managedForbid", "offline", "checkInEvery", "installDelay", "applyDelay");
        return new FleetSpec(
            fleet.Field("devices").WholeNumber(),
            [.. fleet.Field("mix").Items().Select(Mix)],
            fleet.Optional("autoInstallOff")?.Number() ?? 0,
            fleet.Optional("managed")?.Number() ?? 0,
            fleet.Optional("managedForbid")?.Number() ?? 0,
            fleet.Optional("offline")?.Number() ?? 0,
            fleet.Optional("checkInEvery") is { } every ? ReadDuration(every) : FleetSpec.DefaultCheckInEvery)
        {
            InstallDelay = fleet.Optional("installDelay") is { } install ? Delay(install) : null,
            ApplyDelay = fleet.Optional("applyDelay") is { } apply ? Delay(apply) : null,
        };
    }

    private static FleetMix Mix(ScenarioJson json)
    {
        var mix = json.Object("platform", "os", "model", "share", "installDelay", "applyDelay");
        return new FleetMix(ReadPlatform(mix.Field("platform")), ReadOs(mix.Field("os")), mix.Field("model").Text(), mix.Field("share").Number())
        {
            InstallDelay = mix.Optional("installDelay") is { } install ? Delay(install) : null,
            ApplyDelay = mix.Optional("applyDelay") is { } apply ? Delay(apply) : null,
        };
    }

    /// <summary><c>{ "median": "2h", "p90": "10h" }</c>.</summary>
    private static ReportDelay Delay(ScenarioJson json)
    {
        var delay = json.Object("median", "p90");
        return new ReportDelay(ReadDuration(delay.Field("median")), ReadDuration(delay.Field("p90")));
    }

    private static ReleaseSpec Release(ScenarioJson json)
    {
        var release = json.Object("id", "components", "cves", "activation", "supersedes", "installFailureRate", "failures", "plan");
        return new ReleaseSpec(
            ReadId(release.Field("id")),
            ReadTexts(release.Field("components")),
            release.Optional("cves") is { } cves ? ReadTexts(cves) : [],
            release.Optional("activation") is { } activation ? ReadActivation(activation) : Activation.Restart,
            release.Optional("supersedes") is { } supersedes ? ReadId(supersedes) : null,
            release.Optional("installFailureRate")?.Number() ?? 0,
            release.Optional("failures") is { } failures ? [.. failures.Items().Select(Failure)] : [],
            Plan(release.Field("plan")));
    }

    private static ModelFailureRate Failure(ScenarioJson json)
    {
        var failure = json.Object("model", "rate");
        return new ModelFailureRate(failure.Field("model").Text(), failure.Field("rate").Number());
    }

    internal static RolloutPlan Plan(ScenarioJson json)
    {
        var plan = json.Object("minSample", "waves");
        return new RolloutPlan([.. plan.Field("waves").Items().Select(Wave)], plan.Field("minSample").WholeNumber());
    }

    private static WavePlan Wave(ScenarioJson json)
    {
        var wave = json.Object("share", "soak", "failureThreshold", "pacing");
        return new WavePlan(
            wave.Field("share").Number(), ReadDuration(wave.Field("soak")), wave.Field("failureThreshold").Number(),
            wave.Optional("pacing") is { } pacing ? Pacing(pacing) : null);
    }

    /// <summary><c>{ "ratePerHour", "rampFactor", "rampEvery", "rampOn", "maxPerHour" }</c> or <c>{ "spreadOver" }</c>; the plan's rules check them together.</summary>
    private static WavePacing Pacing(ScenarioJson json)
    {
        var pacing = json.Object("ratePerHour", "rampFactor", "rampEvery", "rampOn", "maxPerHour", "spreadOver");
        return new WavePacing(
            pacing.Optional("ratePerHour")?.Number(),
            pacing.Optional("rampFactor")?.Number(),
            pacing.Optional("rampEvery")?.WholeNumber(),
            pacing.Optional("rampOn") is { } on ? ReadRampBasis(on) : RampBasis.Successes,
            pacing.Optional("maxPerHour")?.Number(),
            pacing.Optional("spreadOver") is { } over ? ReadDuration(over) : null);
    }

    private static RampBasis ReadRampBasis(ScenarioJson json) => json.Text() switch
    {
        "successes" => RampBasis.Successes,
        "offers" => RampBasis.Offers,
        var text => throw json.Invalid($"'{text}' is not what a ramp counts: expected successes or offers"),
    };

    private static RecallSpec Recall(ScenarioJson json)
    {
        var recall = json.Object("release", "at", "reason");
        return new RecallSpec(ReadId(recall.Field("release")), ReadDuration(recall.Field("at")), recall.Field("reason").Text());
    }

    private static ImmutableArray<string> ReadTexts(ScenarioJson json) => [.. json.Items().Select(item => item.Text())];

    internal static ReleaseId ReadId(ScenarioJson json) =>
        ReleaseId.TryParse(json.Text(), out var id, out var error) ? id : throw json.Invalid(error);

    private static Platform ReadPlatform(ScenarioJson json) =>
        PlatformNames.TryParse(json.Text(), out var platform)
            ? platform.Value
            : throw json.Invalid($"'{json.Text()}' is not a platform: expected {PlatformNames.Expected}");

    private static OsVersion ReadOs(ScenarioJson json) =>
        OsVersion.TryParse(json.Text(), out var version, out var error) ? version : throw json.Invalid(error);

    private static TimeSpan ReadDuration(ScenarioJson json) =>
        Durations.TryParse(json.Text(), out var duration, out var error) ? duration : throw json.Invalid(error);

    private static Activation ReadActivation(ScenarioJson json) => json.Text() switch
    {
        "restart" => Activation.Restart,
        "relaunch" => Activation.Relaunch,
        var text => throw json.Invalid($"'{text}' is not an activation: expected restart or relaunch"),
    };
}
