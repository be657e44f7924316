using System.Diagnostics;
using BsiLedger.EventStore.Integrity.Checkpoints;
using BsiLedger.EventStore.Integrity.Proofs;
using BsiLedger.EventStore.Marten;
using BsiLedger.ProofBench;
using Npgsql;

// bsi-proof-bench CONNECTION [NEW_EVENTS] [DEVICES]: on an existing ledger (say `bsi simulate --devices 1000000`'s),
// signs a checkpoint, appends NEW_EVENTS, signs again, then proves and checks DEVICES random devices and the two
// checkpoints' consistency. Figures are printed; nothing is asserted. The ledger keeps the added devices and checkpoints.
if (args.Length is < 1 or > 3)
{
    await Console.Error.WriteLineAsync("usage: bsi-proof-bench CONNECTION [NEW_EVENTS=100000] [DEVICES=20]");
    return 2;
}

var connection = args[0];
var newEvents = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var devices = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
var ct = CancellationToken.None;
using var key = LedgerKey.Create("bench.example/ledger");
var signer = new CheckpointSigner(connection, TimeSpan.FromSeconds(30));
var builder = new ProofBuilder(connection);

var (first, firstMs) = await Timed.RunAsync(() => signer.SignAsync(key, ct));
Console.WriteLine($"checkpoint of the ledger as found: {first.Checkpoint.Head.Checkpoint.Size:N0} events in {firstMs:N0} ms");

var appendClock = Stopwatch.StartNew();
await NewEvents.AppendAsync(connection, $"proof-bench-{DateTime.UtcNow:HHmmss}", newEvents, ct);
Console.WriteLine($"appended about {newEvents:N0} events in {appendClock.Elapsed.TotalSeconds:N1} s (not part of any figure)");

var (second, secondMs) = await Timed.RunAsync(() => signer.SignAsync(key, ct));
var added = second.Checkpoint.Head.Checkpoint.Size - first.Checkpoint.Head.Checkpoint.Size;
Console.WriteLine($"incremental checkpoint after {added:N0} new events: {secondMs:N0} ms (tree of {second.Checkpoint.Head.Checkpoint.Size:N0}; goal <= 1,000 ms)");

var ids = new List<string>();
await using (var db = new NpgsqlConnection(connection))
{
    await db.OpenAsync(ct);
    await using var command = new NpgsqlCommand(
        $"select id from {LedgerStoreOptions.Schema}.mt_streams tablesample system (1) where id not like 'proof-bench-%' and {LedgerStoreOptions.LedgerStreamsOnly("id")} limit $1", db);
    command.Parameters.Add(new NpgsqlParameter { Value = devices + 1 });
    await using var reader = await command.ExecuteReaderAsync(ct);
    while (await reader.ReadAsync(ct))
    {
        ids.Add(reader.GetString(0));
    }
}

var head = second.Checkpoint.Head;
var proveMs = new List<double>();
var checkMs = new List<double>();
var events = new List<int>();
foreach (var (id, index) in ids.Select((id, index) => (id, index)))
{
    var (proof, ms) = await Timed.RunAsync(() => builder.ProveDeviceAsync(id, null, head, ct));
    var json = ProofDocument.ToJson(proof);
    var checkClock = Stopwatch.StartNew();
    var outcome = ProofChecker.Check(ProofDocument.Parse(json), head, key.Verifier);
    var checkedMs = checkClock.Elapsed.TotalMilliseconds;
    if (!outcome.Valid)
    {
        Console.WriteLine($"device {id}: INVALID {outcome.Check}: {outcome.Message}");
    }

    // The first of each is the process's first call (JIT, the pool's first connection): shown apart.
    if (index == 0)
    {
        Console.WriteLine($"first device proof of the process: {ms:N1} ms, its check {checkedMs:N1} ms ({proof.Events.Count} events, {json.Length:N0} bytes)");
        continue;
    }

    proveMs.Add(ms);
    checkMs.Add(checkedMs);
    events.Add(proof.Events.Count);
}

Console.WriteLine($"device inclusion proof (all of a device's events, {events.Min()}–{events.Max()} per device): {Timed.Summary(proveMs)} (goal <= 100 ms)");
Console.WriteLine($"offline check of a device proof (parse, signature, hashes, paths): {Timed.Summary(checkMs)} (goal <= 50 ms)");

var consistencyMs = new List<double>();
for (var i = 0; i < 5; i++)
{
    var (proof, ms) = await Timed.RunAsync(() => builder.ProveConsistencyAsync(first.Checkpoint.Head, head, ct));
    consistencyMs.Add(ms);
    if (i == 0 && !ProofChecker.Check(proof, first.Checkpoint.Head, key.Verifier).Valid)
    {
        Console.WriteLine("consistency proof: INVALID");
    }
}

Console.WriteLine($"consistency proof {first.Checkpoint.Head.Checkpoint.Size:N0} -> {head.Checkpoint.Size:N0}: {Timed.Summary(consistencyMs)} (goal <= 100 ms)");

await using (var db = new NpgsqlConnection(connection))
{
    await db.OpenAsync(ct);
    await using var command = new NpgsqlCommand(
        $"select pg_total_relation_size('{CheckpointSchema.Tiles}'), pg_relation_size('{CheckpointSchema.Tiles}'), count(*) from {CheckpointSchema.Tiles}", db);
    await using var reader = await command.ExecuteReaderAsync(ct);
    await reader.ReadAsync(ct);
    var total = reader.GetInt64(0);
    Console.WriteLine($"stored tree: {reader.GetInt64(2):N0} tiles, {total / 1048576.0:N1} MB with TOAST and indexes ({reader.GetInt64(1) / 1048576.0:N1} MB heap): " +
        $"{(double)total / head.Checkpoint.Size:N1} bytes per event");
}

return 0;
