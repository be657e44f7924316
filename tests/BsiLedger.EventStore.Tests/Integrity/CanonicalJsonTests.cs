using System.Buffers;
using System.Text;
using System.Text.Json;
using BsiLedger.EventStore.Integrity;

namespace BsiLedger.EventStore.Tests.Integrity;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void The_RFC_8785_example_canonicalises_to_the_published_form()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        Assert.Equal(
            """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""",
            Canonical(input));
    }

    [Fact]
    public void Members_sort_by_UTF16_code_units_at_every_depth()
    {
        Assert.Equal(
            """{"a":{"B":1,"b":2},"é":[{"y":1,"z":2}],"€":0,"😀":0}""",
            Canonical("""{"😀":0,"€":0,"é":[{"z":2,"y":1}],"a":{"b":2,"B":1}}"""));
    }

    [Fact]
    public void A_name_beyond_the_basic_plane_sorts_before_one_from_U_E000_up_as_UTF16_does() =>
        // UTF-8 bytes would put U+FF21 (EF BC A1) before U+1F600 (F0 9F 98 80); UTF-16 puts D83D before FF21.
        Assert.Equal("""{"a":1,"😀":2,"Ａ":3}""", Canonical("""{"Ａ":3,"😀":2,"a":1}"""));

    [Fact]
    public void Escaped_names_sort_and_print_by_their_values() =>
        Assert.Equal("""{"a\"b":1,"ab":2,"b":3}""", Canonical("""{"b":3,"ab":2,"a\u0022b":1}"""));

    [Fact]
    public void The_same_values_in_another_layout_canonicalise_alike()
    {
        // What PostgreSQL's jsonb does to a payload: keys reordered, spacing changed, numbers and escapes rewritten.
        Assert.Equal(
            Canonical("""{"rate":0.05,"count":12,"name":"caf\u00e9","at":"2026-03-17T09:00:00+00:00"}"""),
            Canonical("""{"at": "2026-03-17T09:00:00+00:00", "name": "café", "count": 12.0, "rate": 5E-2}"""));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-12.5, "-12.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e20, "150000000000000000000")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(333333333.3333333, "333333333.3333333")]
    public void Numbers_print_as_ECMAScript_prints_them(double value, string expected) =>
        Assert.Equal(expected, EcmaScriptNumber.Format(value));

    [Fact]
    public void Negative_zero_prints_as_zero() => Assert.Equal("0", EcmaScriptNumber.Format(-0.0));

    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        var output = new ArrayBufferWriter<byte>();
        CanonicalJson.Write(document.RootElement, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
