using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;

namespace BsiLedger.EventStore.Tests.Integrity;

/// <summary>
/// What <c>bsi chaos</c> judges a ledger by, on small ledgers of their own: a clean recall passes, and each way a cluster
/// could get it wrong (a lost acknowledgement, a doubled command, a gap, an install after the recall, a stale state
/// document, a recall left open) is found with its stream.
/// </summary>
public sealed class RolloutInvariantsTests(PostgresFixture postgres)
{
    private static readonly ReleaseId Release = ReleaseId.Parse("iOS 26.3.1 (a)");
    private static readonly DateTimeOffset T0 = new(2026, 3, 17, 9, 0, 0, TimeSpan.Zero);
    private static readonly Cause Operator = Cause.Operator("it");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_recall_that_withdrew_every_copy_and_completed_holds()
    {
        await using var ledger = await RecalledAsync();

        var report = await CheckAsync(ledger, [new AcknowledgedCommand("d-1", "install-d-1"), new AcknowledgedCommand("d-1", "checkin-d-1")]);

        Assert.True(report.Holds, string.Join("; ", report.Violations));
        Assert.Equal(7, report.Events);
    }

    [Fact]
    public async Task An_acknowledged_command_whose_events_are_not_stored_is_lost()
    {
        await using var ledger = await RecalledAsync();

        var report = await CheckAsync(ledger, [new AcknowledgedCommand("d-1", "install-d-1"), new AcknowledgedCommand("d-2", "never-stored")]);

        Assert.Equal(1, report.LostCount);
        Assert.Equal(new AcknowledgedCommand("d-2", "never-stored"), Assert.Single(report.Lost));
    }

    [Fact]
    public async Task A_command_appended_twice_and_a_failure_reported_twice_are_doubled()
    {
        await using var ledger = await RecalledAsync();
        // Of the fix: the journal refuses any report on the recalled release.
        var failed = new BsiInstallFailed("d-2", ReleaseId.Parse("iOS 26.3.1 (b)"), "signing", T0, Cause.Device("d-2"));
        var head = await ledger.Journal.AppendAsync("d-2", StreamHead.Of((await ledger.Journal.ReadAsync("d-2", 0, Ct))[^1]), [Event(failed, "fail-once")], Ct);
        head = await ledger.Journal.AppendAsync("d-2", head, [Event(failed, "fail-once")], Ct);
        await ledger.Journal.AppendAsync("d-2", head, [Event(failed, "fail-retried")], Ct);

        var report = await CheckAsync(ledger, []);

        Assert.Equal(2, report.DoubledCount);
        Assert.Contains(report.Doubled, d => d is { StreamId: "d-2", CommandId: "fail-once", Count: 2 });
        Assert.Contains(report.Doubled, d => d is { StreamId: "d-2", CommandId: null, Count: 3 });
    }

    [Fact]
    public async Task An_install_after_the_recall_is_found_and_so_is_the_copy_it_left()
    {
        await using var ledger = await RecalledAsync();
        var stored = await ledger.Journal.ReadAsync("d-2", 0, Ct);
        // The journal refuses a report on a recalled release, so the late install is forged behind its back.
        await ledger.Journal.AppendAsync("d-2", StreamHead.Of(stored[^1]),
            [Event(new BsiInstalled("d-2", ReleaseId.Parse("iOS 26.3.1 (b)"), T0, Cause.Device("d-2")), "late-install")], Ct);
        await ledger.TamperAsync($$"""update EVENTS set data = jsonb_set(data, '{Release}', '"{{Release}}"') where stream_id = 'd-2' and version = 2""");

        var report = await CheckAsync(ledger, []);

        Assert.Equal(
            [("nothing installs a recalled release", "d-2"), ("one state per device", "d-2"), ("the recall withdraws every copy", "d-2")],
            report.Violations.Select(v => (v.Invariant, v.StreamId)).Order().ToArray());
    }

    [Fact]
    public async Task A_gap_in_a_stream_and_a_state_document_that_disagrees_with_its_stream_are_found()
    {
        await using var ledger = await RecalledAsync();
        await ledger.TamperAsync("delete from EVENTS where stream_id = 'd-1' and version = 2");
        await ledger.TamperAsync($$"""update {{LedgerStoreOptions.Schema}}.mt_doc_devicestate set data = jsonb_set(data, '{Applied}', '"{{Release}}"') where id = 'd-1'""");

        var report = await CheckAsync(ledger, []);

        Assert.Contains(report.Violations, v => v is { Invariant: "contiguous versions", StreamId: "d-1" });
        Assert.Contains(report.Violations, v => v is { Invariant: "one state per device", StreamId: "d-1" });
    }

    [Fact]
    public async Task A_recall_without_its_completion_is_found()
    {
        await using var ledger = await RecalledAsync(complete: false);

        var violation = Assert.Single((await CheckAsync(ledger, [])).Violations);

        Assert.Equal(("the recall completes", Release.ToString()), (violation.Invariant, violation.StreamId));
    }

    /// <summary>d-1 installed and applied the release and had it withdrawn when it checked in after the recall; d-2 never had it (7 events with the recall's completion).</summary>
    private async Task<LedgerOfItsOwn> RecalledAsync(bool complete = true)
    {
        var ledger = await LedgerOfItsOwn.CreateAsync(postgres);
        var d1 = await ledger.Journal.AppendAsync("d-1", StreamHead.Empty,
        [
            Event(Enrolled("d-1"), "enrol-d-1"),
            Event(new BsiInstalled("d-1", Release, T0, Cause.Device("d-1")), "install-d-1"),
            Event(new BsiApplied("d-1", Release, Activation.Relaunch, T0, Cause.Device("d-1")), "apply-d-1"),
        ], Ct);
        await ledger.Journal.AppendAsync("d-2", StreamHead.Empty, [Event(Enrolled("d-2"), "enrol-d-2")], Ct);
        var release = await ledger.Journal.AppendAsync(Release.ToString(), StreamHead.Empty,
            [Event(new RecallIssued(Release, "recall-1", "bad", T0, Operator), "recall-1")], Ct);
        // Withdrawn at the device's check-in: the step's id derives from the check-in's.
        await ledger.Journal.AppendAsync("d-1", d1,
            [new JournalEvent(new BsiWithdrawn("d-1", Release, "recall-1", T0, Operator), new Provenance("recall-1", $"checkin-d-1/withdraw/{Release}"))], Ct);
        if (complete)
        {
            await ledger.Journal.AppendAsync(Release.ToString(), release, [Event(new RecallCompleted(Release, "recall-1", 1, 0, 0, T0, Operator), "complete-1")], Ct);
        }

        return ledger;
    }

    private static Task<InvariantReport> CheckAsync(LedgerOfItsOwn ledger, IReadOnlyCollection<AcknowledgedCommand> acknowledged) =>
        new RolloutInvariants(ledger.ConnectionString).CheckAsync(Release, acknowledged, Ct);

    private static DeviceEnrolled Enrolled(string id) =>
        new(id, Platform.iOS, "iPhone18,1", OsVersion.Parse("26.3.1"), true, false, MdmPolicy.None, T0, Operator);

    private static JournalEvent Event(object data, string command) => new(data, Provenance.NewCommand(command));
}
