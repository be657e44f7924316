using System.Collections.Immutable;
using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Output;
using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Releases;
using BsiLedger.Operations.Input;
using BsiLedger.Operations.Releases;

namespace BsiLedger.Cli.Releases;

/// <summary><c>bsi release …</c>: an operator publishes a release, plans and drives its rollout, and recalls it.</summary>
public static class ReleaseCommandLine
{
    private static readonly Argument<string> Id = new("RELEASE") { Description = "A release id, e.g. \"iOS 26.3.1 (a)\"" };

    private delegate Task<CommandOutcome> Send(IReleaseGrain grain, Provenance provenance);

    public static Command Build(CommandRunner runner)
    {
        var release = new Command("release", "Publish releases, plan and drive their staged rollouts, recall them");
        release.Subcommands.Add(Publish(runner));
        release.Subcommands.Add(Plan(runner));
        release.Subcommands.Add(Operate(runner, "start", "Start the planned rollout: the first wave's devices are offered RELEASE",
            "StartRollout", _ => (grain, provenance) => grain.Start(Operator, provenance), showRollout: true));
        release.Subcommands.Add(Operate(runner, "pause", "Pause the running rollout: no further wave starts until it is resumed",
            "PauseRollout", p => Execute(new PauseRollout(Release(p), Operator))));
        release.Subcommands.Add(Operate(runner, "resume", "Resume a paused or halted rollout; waves that are due start at once",
            "ResumeRollout", p => Execute(new ResumeRollout(Release(p), Operator)), showRollout: true));
        release.Subcommands.Add(Recall(runner));
        release.Subcommands.Add(ReleaseStatus.Build(runner, Id));
        return release;
    }

    private static ReleaseId Release(ParseResult parse) => InputParsers.Release(parse.GetValue(Id));

    private static Cause Operator => Cause.Operator(Environment.UserName);

    private static Send Execute(ReleaseCommand command) => (grain, provenance) => grain.Execute(command, provenance);

    private static Command Publish(CommandRunner runner)
    {
        var components = new Option<string>("--components")
        {
            Description = "What the BSI patches, comma-separated, e.g. Safari,WebKit",
            Required = true,
        };
        var cves = new Option<string[]>("--cve")
        {
            Description = $"A CVE the BSI fixes, {Publication.CveForm}; repeat the option for each",
            DefaultValueFactory = _ => [],
        };
        var activation = new Option<string>("--activation")
        {
            Description = "How an applied BSI becomes active: restart, or relaunch for a Safari-only fix",
            DefaultValueFactory = _ => "restart",
        };
        var supersedes = new Option<string?>("--supersedes") { Description = "The earlier letter of the same line this one supersedes, e.g. \"iOS 26.3.1 (a)\"" };
        return Operate(runner, "publish", "Publish RELEASE: what it patches and fixes, and how it activates",
            "PublishRelease", p =>
            {
                var release = Release(p);
                var names = ReleaseInputParsers.Components(p.GetValue(components));
                var ids = p.GetValue(cves) is { } given ? given.ToImmutableArray() : [];
                var older = p.GetValue(supersedes) is { } text ? InputParsers.Release("--supersedes", text) : (ReleaseId?)null;
                ReleaseInputParsers.CheckPublication(release, names, ids, older);
                return Execute(new PublishRelease(release, names, ids, InputParsers.ActivationKind(p.GetValue(activation)), older, Operator));
            },
            components, cves, activation, supersedes);
    }

    private static Command Plan(CommandRunner runner)
    {
        var waves = new Option<string[]>("--wave")
        {
            Description = $"One wave, in order, as {ReleaseInputParsers.WaveForm}; repeat the option for each wave",
            Required = true,
        };
        var minSample = new Option<int>("--min-sample")
        {
            Description = "Install attempts a wave needs before its failure rate can halt the rollout",
            DefaultValueFactory = _ => 100,
        };
        return Operate(runner, "plan", "Plan (or, before it starts, replan) RELEASE's staged rollout",
            "PlanRollout", p =>
            {
                var plan = ReleaseInputParsers.Plan(p.GetValue(waves) ?? [], p.GetValue(minSample));
                return Execute(new PlanRollout(Release(p), plan, Operator));
            },
            waves, minSample);
    }

    private static Command Recall(CommandRunner runner)
    {
        var reason = new Option<string>("--reason") { Description = "Why the release is recalled", Required = true };
        return Operate(runner, "recall", "Recall RELEASE: its rollout stops and it is withdrawn from every device that has it",
            "IssueRecall", p =>
            {
                var why = InputParsers.Text("--reason", p.GetValue(reason));
                return (grain, provenance) => grain.Recall(why, Operator, provenance);
            },
            showRollout: true, reason);
    }

    private static Command Operate(CommandRunner runner, string name, string description, string commandName,
        Func<ParseResult, Send> read, params Option[] options) =>
        Operate(runner, name, description, commandName, read, showRollout: false, options);

    /// <summary>
    /// One operator command on a release: input is read and checked first (exit 2), then sent to the release's
    /// grain and its outcome reported. With <paramref name="showRollout"/>, an accepted command is followed by the
    /// rollout's status as it left it.
    /// </summary>
    private static Command Operate(CommandRunner runner, string name, string description, string commandName,
        Func<ParseResult, Send> read, bool showRollout, params Option[] options)
    {
        var command = new Command(name, description) { Id, CommandIdOption.Option };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        runner.Register(command, parse =>
        {
            var release = Release(parse);
            var send = read(parse);
            var provenance = CommandIdOption.Read(parse);
            return async (ledger, output, _) =>
            {
                var grain = ledger.Grains.GetGrain<IReleaseGrain>(release.ToString());
                var outcome = await send(grain, provenance);
                if (!showRollout || outcome.Status == CommandStatus.Refused)
                {
                    return await CommandOutcomes.WriteAsync(output, "release", release.ToString(), commandName, outcome, provenance);
                }

                var snapshot = await grain.Status();
                return await CommandOutcomes.WriteAsync(output, "release", release.ToString(), commandName, outcome, provenance,
                    new Dictionary<string, object?> { ["rollout"] = ReleaseDocument.Of(snapshot) },
                    console => ReleaseStatus.Render(console, snapshot));
            };
        });
        return command;
    }
}
