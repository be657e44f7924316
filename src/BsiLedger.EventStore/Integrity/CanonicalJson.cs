using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): object members sorted by their names' UTF-16 code units, no
/// whitespace, strings escaped only where JSON requires it, numbers as ECMAScript prints them. PostgreSQL's jsonb
/// keeps values but not their text (it reorders keys, re-spaces, rewrites numbers), so the hash covers this form,
/// which the payload as written and the payload as read back both canonicalise to.
/// </summary>
/// <remarks>
/// Verification canonicalises every stored event, so the common cases avoid allocating: a string whose source text
/// has no escape is already canonical and is copied as it is, and an integer is printed straight into the output.
/// </remarks>
public static class CanonicalJson
{
    private const long LargestExactInteger = 1L << 53;

    /// <summary>What JSON requires escaped in a string: the quote, the backslash and the control characters.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(c => (char)c), '"', '\\']);

    public static void Write(JsonElement value, IBufferWriter<byte> output)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(value, output);
                break;
            case JsonValueKind.Array:
                output.Write("["u8);
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        output.Write(","u8);
                    }

                    Write(item, output);
                    first = false;
                }

                output.Write("]"u8);
                break;
            case JsonValueKind.String:
                WriteStringValue(value, output);
                break;
            case JsonValueKind.Number:
                if (value.TryGetInt64(out var integer) && Math.Abs(integer) <= LargestExactInteger)
                {
                    WriteInteger(integer, output);
                }
                else
                {
                    WriteNumber(value.GetDouble(), output);
                }

                break;
            case JsonValueKind.True:
                output.Write("true"u8);
                break;
            case JsonValueKind.False:
                output.Write("false"u8);
                break;
            case JsonValueKind.Null:
                output.Write("null"u8);
                break;
            default:
                throw new ArgumentException($"not a JSON value: {value.ValueKind}", nameof(value));
        }
    }

    public static void WriteString(string text, IBufferWriter<byte> output)
    {
        if (text.AsSpan().IndexOfAny(Escaped) < 0)
        {
            var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 2);
            span[0] = (byte)'"';
            var written = Encoding.UTF8.GetBytes(text, span[1..]);
            span[written + 1] = (byte)'"';
            output.Advance(written + 2);
            return;
        }

        var escaped = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => escaped.Append("\\\""),
                '\\' => escaped.Append("\\\\"),
                '\b' => escaped.Append("\\b"),
                '\f' => escaped.Append("\\f"),
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                < ' ' => escaped.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        output.Write(Encoding.UTF8.GetBytes(escaped.Append('"').ToString()));
    }

    public static void WriteNumber(double number, IBufferWriter<byte> output)
    {
        if (double.IsInteger(number) && Math.Abs(number) <= LargestExactInteger)
        {
            WriteInteger((long)number, output);
            return;
        }

        var text = EcmaScriptNumber.Format(number);
        var span = output.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        output.Advance(written);
    }

    private static void WriteInteger(long integer, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(20);
        Utf8Formatter.TryFormat(integer, span, out var written);
        output.Advance(written);
    }

    /// <summary>Without a backslash, the source text of a JSON string holds no quote or control character: it is canonical.</summary>
    private static void WriteStringValue(JsonElement value, IBufferWriter<byte> output)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            output.Write(raw);
        }
        else
        {
            WriteString(value.GetString()!, output);
        }
    }

    private static void WriteObject(JsonElement value, IBufferWriter<byte> output)
    {
        var count = value.GetPropertyCount();
        var members = ArrayPool<JsonProperty>.Shared.Rent(count);
        try
        {
            var byRawName = true;
            var i = 0;
            foreach (var member in value.EnumerateObject())
            {
                members[i++] = member;
                byRawName &= SortsAsItsSourceText(JsonMarshal.GetRawUtf8PropertyName(member));
            }

            var sorted = members.AsSpan(0, count);
            if (byRawName)
            {
                sorted.Sort(static (a, b) => JsonMarshal.GetRawUtf8PropertyName(a).SequenceCompareTo(JsonMarshal.GetRawUtf8PropertyName(b)));
            }
            else
            {
                sorted.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            }

            output.Write("{"u8);
            for (i = 0; i < sorted.Length; i++)
            {
                if (i > 0)
                {
                    output.Write(","u8);
                }

                WriteName(sorted[i], output);
                output.Write(":"u8);
                Write(sorted[i].Value, output);
            }

            output.Write("}"u8);
        }
        finally
        {
            // A kept JsonProperty would keep its document alive.
            ArrayPool<JsonProperty>.Shared.Return(members, clearArray: true);
        }
    }

    private static void WriteName(JsonProperty member, IBufferWriter<byte> output)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(member);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            var span = output.GetSpan(raw.Length + 2);
            span[0] = (byte)'"';
            raw.CopyTo(span[1..]);
            span[raw.Length + 1] = (byte)'"';
            output.Advance(raw.Length + 2);
        }
        else
        {
            WriteString(member.Name, output);
        }
    }

    /// <summary>
    /// UTF-8 bytes sort as code points, which is UTF-16 code-unit order for every code point below U+E000 (lead bytes
    /// below 0xEE); above it, surrogate pairs sort before U+E000–U+FFFF in UTF-16 but after them in UTF-8. An escaped
    /// name's source text is not its value.
    /// </summary>
    private static bool SortsAsItsSourceText(ReadOnlySpan<byte> rawName) => rawName.IndexOfAnyInRange((byte)0xEE, (byte)0xFF) < 0 && rawName.IndexOf((byte)'\\') < 0;
}
