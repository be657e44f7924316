using System.Text;
using BsiLedger.Domain;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.ReadModels;
using Weasel.Core;

namespace BsiLedger.EventStore.Tests.Writer;

/// <summary>
/// What the journal hashes and stores for every event and document is what Marten's own serializer, configured as the
/// ledger configures it, writes for the same value: the writer kept per thread changes the bytes' making, not the bytes.
/// </summary>
public sealed class LedgerJsonSerializerTests
{
    private static readonly global::Marten.Services.SystemTextJsonSerializer Stock = new() { EnumStorage = EnumStorage.AsString };

    public static TheoryData<string> Values => [.. Samples().Select(s => s.GetType().Name)];

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_written_as_Martens_serializer_writes_it(string typeName)
    {
        var serializer = new LedgerJsonSerializer();
        var value = Samples().First(s => s.GetType().Name == typeName);

        Assert.Equal(Stock.ToJson(value), Encoding.UTF8.GetString(serializer.ToUtf8Json(value)));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_Martens_serializer_wrote_reads_back_as_it_was(string typeName)
    {
        var serializer = new LedgerJsonSerializer();
        var value = Samples().First(s => s.GetType().Name == typeName);
        using var stored = new MemoryStream(Encoding.UTF8.GetBytes(Stock.ToJson(value)));

        Assert.Equal(Stock.ToJson(value), Stock.ToJson(serializer.FromJson(value.GetType(), stored)));
    }

    [Theory]
    [InlineData("""{"Id":"d-1","Kind":"Device"}""")]
    [InlineData("""{"Kind":"Device","Note":{"a":[1,2]},"Id":"d-1"}""")]
    public void A_cause_reads_whatever_the_order_of_its_properties_and_past_ones_it_does_not_know(string json)
    {
        using var stored = new MemoryStream(Encoding.UTF8.GetBytes(json));

        Assert.Equal(Cause.Device("d-1"), new LedgerJsonSerializer().FromJson<Cause>(stored));
    }

    [Fact]
    public void Values_written_one_after_another_on_a_thread_do_not_carry_each_other_s_bytes()
    {
        var serializer = new LedgerJsonSerializer();
        var samples = Samples().ToArray();
        var first = samples.Select(serializer.ToUtf8Json).ToArray();
        var again = samples.Reverse().Select(serializer.ToUtf8Json).Reverse().ToArray();

        Assert.Equal(samples.Select(s => Stock.ToJson(s)), first.Select(Encoding.UTF8.GetString));
        Assert.Equal(first, again);
    }

    private static IEnumerable<object> Samples() =>
        RoundTripScript.Batches.SelectMany(b => b).SelectMany(a => a.Events).Select(e => e.Data).DistinctBy(e => e.GetType()).Concat<object>(
        [
            new DeviceState { Id = "d-1", Platform = "iOS", Model = "iPhone18,1", Os = "26.3.1", Applied = "iOS 26.3.1 (a)", MdmPolicy = "None", Version = 4 },
            new FleetMember { Id = "d-1", Line = "iOS 26.3.1", Bucket = 17 },
        ]);
}
