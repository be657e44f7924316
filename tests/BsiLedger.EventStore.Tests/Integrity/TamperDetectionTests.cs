using BsiLedger.Domain;
using BsiLedger.EventStore.Integrity;
using BsiLedger.Testing;

namespace BsiLedger.EventStore.Tests.Integrity;

/// <summary>Edits made straight in PostgreSQL, behind the ledger's back: each is found, with its stream and version.</summary>
public sealed class TamperDetectionTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clean_ledger_verifies_with_no_finding()
    {
        await using var ledger = await WrittenAsync();

        var report = await VerifyAsync(ledger);

        Assert.True(report.Intact);
        Assert.Equal((30, 10), (report.Events, report.Streams));
        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task An_edited_payload_is_found_at_its_stream_and_version()
    {
        await using var ledger = await WrittenAsync();

        await ledger.TamperAsync("""update EVENTS set data = jsonb_set(data, '{model}', '"iPhone99,9"') where stream_id = 'd-3' and version = 1""");

        Assert.Equal([("d-3", 1L)], Places(await VerifyAsync(ledger)));
    }

    [Fact]
    public async Task Edited_provenance_is_found()
    {
        await using var ledger = await WrittenAsync();

        await ledger.TamperAsync("update EVENTS set correlation_id = 'someone-else' where stream_id = 'd-4' and version = 3");

        Assert.Equal([("d-4", 3L)], Places(await VerifyAsync(ledger)));
    }

    [Fact]
    public async Task A_deleted_event_is_found_as_the_missing_version()
    {
        await using var ledger = await WrittenAsync();

        await ledger.TamperAsync("delete from EVENTS where stream_id = 'd-5' and version = 2");

        var finding = Assert.Single((await VerifyAsync(ledger)).Findings);
        Assert.Equal(("d-5", 2L), (finding.StreamId, finding.Version));
        Assert.Contains("missing", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_event_inserted_after_the_last_is_found()
    {
        await using var ledger = await WrittenAsync();

        await ledger.TamperAsync("""
            insert into EVENTS (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, is_archived)
            select nextval('bsiledger.mt_events_sequence'), gen_random_uuid(), stream_id, 4, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id,
                   jsonb_build_object('hash', repeat('ab', 32)), is_archived
            from EVENTS where stream_id = 'd-6' and version = 3
            """);

        var places = Places(await VerifyAsync(ledger));
        Assert.Contains(("d-6", 4L), places);
        Assert.All(places, place => Assert.Equal("d-6", place.Stream));
    }

    [Fact]
    public async Task Two_events_swapped_are_both_found()
    {
        await using var ledger = await WrittenAsync();

        await ledger.TamperAsync("""
            update EVENTS set version = -1 where stream_id = 'd-7' and version = 2;
            update EVENTS set version = 2 where stream_id = 'd-7' and version = 3;
            update EVENTS set version = 3 where stream_id = 'd-7' and version = -1;
            """);

        Assert.Equal([("d-7", 2L), ("d-7", 3L)], Places(await VerifyAsync(ledger)));
    }

    [Fact]
    public async Task A_truncated_stream_is_found_where_it_was_cut()
    {
        await using var ledger = await WrittenAsync();

        await ledger.TamperAsync("delete from EVENTS where stream_id = 'd-8' and version >= 2");

        var finding = Assert.Single((await VerifyAsync(ledger)).Findings);
        Assert.Equal(("d-8", 2L), (finding.StreamId, finding.Version));
        Assert.Contains("truncated", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewritten_chain_passes_the_chain_check_but_not_the_digest_taken_before()
    {
        await using var ledger = await WrittenAsync();
        var digest = await new DigestTaker(ledger.ConnectionString, TimeSpan.FromSeconds(10)).TakeAsync(Ct);

        // Someone who knows the spec edits an event and recomputes its hash: only the digest kept outside can tell.
        await ledger.TamperAsync("""update EVENTS set data = jsonb_set(data, '{model}', '"iPhone99,9"') where stream_id = 'd-9' and version = 3""");
        await RehashAsync(ledger, "d-9", 3);

        var report = await VerifyAsync(ledger, digest);
        Assert.Empty(report.Findings);
        Assert.False(report.Digest!.Matches);
        Assert.False(report.Intact);
    }

    [Fact]
    public async Task A_digest_still_verifies_after_more_appends_but_not_after_an_old_event_is_edited()
    {
        await using var ledger = await WrittenAsync();
        var digest = await new DigestTaker(ledger.ConnectionString, TimeSpan.FromSeconds(10)).TakeAsync(Ct);
        Assert.Equal(30, digest.Events);

        await ledger.WriteDevicesAsync(10, 2, Ct);
        var later = await VerifyAsync(ledger, digest);
        Assert.True(later.Intact);
        Assert.Equal(36, later.Events);
        Assert.True(later.Digest!.Matches);

        await ledger.TamperAsync("""update EVENTS set data = jsonb_set(data, '{model}', '"iPhone99,9"') where stream_id = 'd-1' and version = 1""");
        var edited = await VerifyAsync(ledger, digest);
        Assert.False(edited.Intact);
        Assert.Equal([("d-1", 1L)], Places(edited));
    }

    private async Task<LedgerOfItsOwn> WrittenAsync()
    {
        var ledger = await LedgerOfItsOwn.CreateAsync(postgres);
        await ledger.WriteDevicesAsync(0, 10, Ct);
        return ledger;
    }

    [Fact]
    public async Task A_removed_hash_is_one_finding_and_the_event_after_it_is_not_blamed()
    {
        await using var ledger = await WrittenAsync();

        await ledger.TamperAsync("update EVENTS set headers = '{}'::jsonb where stream_id = 'd-6' and version = 2");

        var finding = Assert.Single((await VerifyAsync(ledger)).Findings);
        Assert.Equal(("d-6", 2L, "carries no hash"), (finding.StreamId, finding.Version, finding.Problem));
    }

    [Fact]
    public async Task A_payload_edited_beyond_what_JSON_numbers_can_be_read_as_is_a_finding_not_a_failed_run()
    {
        await using var ledger = await WrittenAsync();

        await ledger.TamperAsync("update EVENTS set data = jsonb_set(data, '{model}', '1e400'::jsonb) where stream_id = 'd-8' and version = 1");

        var report = await VerifyAsync(ledger);
        Assert.Equal([("d-8", 1L)], Places(report));
        Assert.Contains("cannot be canonicalised", report.Findings[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task However_the_streams_are_split_among_connections_the_findings_are_the_same()
    {
        await using var ledger = await WrittenAsync();
        await ledger.TamperAsync("delete from EVENTS where stream_id = 'd-2' and version = 2");
        await ledger.TamperAsync("""update EVENTS set data = jsonb_set(data, '{model}', '"iPhone99,9"') where stream_id = 'd-7' and version = 3""");
        var progress = new List<long>();

        var whole = await new LedgerVerifier(ledger.ConnectionString, partitions: 1).VerifyAsync(null, null, Ct);

        Assert.Equal([("d-2", 2L), ("d-7", 3L)], Places(whole));
        foreach (var partitions in new[] { 2, 4, 25 })
        {
            var split = await new LedgerVerifier(ledger.ConnectionString, partitions).VerifyAsync(null, progress.Add, Ct);
            Assert.Equal(Places(whole), Places(split));
            Assert.Equal((29, 10), (split.Events, split.Streams));
            Assert.Equal(29, progress[^1]);
        }
    }

    /// <summary>Three ranges of streams, so every check also runs across connections sharing one snapshot.</summary>
    private static Task<VerificationReport> VerifyAsync(LedgerOfItsOwn ledger, LedgerDigest? digest = null) =>
        new LedgerVerifier(ledger.ConnectionString, partitions: 3).VerifyAsync(digest, null, Ct);

    private static List<(string Stream, long Version)> Places(VerificationReport report)
    {
        Assert.False(report.Intact);
        return [.. report.Findings.Select(f => (f.StreamId, f.Version))];
    }

    private static async Task RehashAsync(LedgerOfItsOwn ledger, string stream, long version)
    {
        var events = await ledger.Journal.ReadAsync(stream, 0, Ct);
        var previous = events.Single(e => e.Version == version - 1).Hash;
        var edited = events.Single(e => e.Version == version);
        await using var connection = new Npgsql.NpgsqlConnection(ledger.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var read = new Npgsql.NpgsqlCommand($"select data::text from bsiledger.mt_events where stream_id = '{stream}' and version = {version}", connection);
        using var data = System.Text.Json.JsonDocument.Parse((string)(await read.ExecuteScalarAsync(Ct))!);
        var forged = ChainLink.Hash(previous, stream, version, edited.TypeName, data.RootElement, edited.Provenance);
        await ledger.TamperAsync($"update EVENTS set headers = jsonb_build_object('hash', '{forged}') where stream_id = '{stream}' and version = {version}");
    }
}
